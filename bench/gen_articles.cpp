// gen_articles: synthetic but realistic news articles (JSON Lines) over the gazetteer and dates, for benchmarks.
//
//   gen_articles 100000 [--seed 1] > corpus.jsonl
//
// A pool of "world events" (type, day, two actors, a place) is told by several
// outlets each, in varied words and date forms (absolute, year-less, weekday,
// "last month", background years), with page furniture between paragraphs, so
// that extraction, resolution and merging all do real work. Deterministic for a seed.
#include "dateline/data_files.hpp"
#include "dateline/gazetteer.hpp"
#include "dateline/span.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using dateline::Date;
namespace greg = boost::gregorian;

struct WorldEvent {
    std::string type;
    Date day;
    std::string a, b, place;
};

// {A}, {B}: actors; {P}: a place; {D}: the date phrase.
const std::vector<std::pair<std::string, std::vector<std::string>>> k_templates = {
    {"armed_conflict",
     {"{A} and {B} forces clashed near {P} {D}, the defence ministry said.",
      "Heavy fighting between {A} and {B} broke out around {P} {D}."}},
    {"attack",
     {"{A} forces shelled positions near {P} {D}, officials said.",
      "A drone strike attributed to {A} hit a checkpoint in {P} {D}."}},
    {"casualties", {"Two soldiers were killed near {P} {D}, {A} said.", "{A} said {D} that three civilians died in {P}."}},
    {"protest",
     {"Hundreds of people rallied in {P} {D} against the policy of {A}.",
      "Activists held a protest outside the embassy of {A} in {P} {D}."}},
    {"ceasefire",
     {"{A} and {B} agreed to a ceasefire {D} after talks in {P}.",
      "A truce between {A} and {B} took effect {D}, mediators in {P} said."}},
    {"negotiation",
     {"The foreign ministers of {A} and {B} held talks in {P} {D}.",
      "Delegations of {A} and {B} met in {P} {D} to negotiate a peace treaty."}},
    {"statement",
     {"{A} said {D} that it was deeply concerned about the situation in {P}.",
      "In a statement {D}, {A} accused {B} of provocations near {P}."}},
    {"appeal",
     {"{A} urged {B} {D} to resume negotiations over {P}.", "{A} called on {B} {D} to reopen the road to {P}."}},
    {"legal_ruling",
     {"The International Court of Justice ordered {A} {D} to ensure free movement through {P}.",
      "A court in {P} ruled {D} that {A} had violated the agreement."}},
    {"sanctions", {"{A} imposed sanctions on officials of {B} {D} over the events in {P}."}},
    {"blockade", {"{A} blocked the only road to {P} {D}, {B} said.", "Supplies to {P} were cut off {D} by {A}."}},
};

const std::vector<std::string> k_outlets = {
    "Reuters", "Associated Press", "AFP", "BBC News", "Al Jazeera", "TASS", "RIA Novosti", "Armenpress",
    "Azertac", "Trend", "News.am", "OC Media", "Eurasianet", "RFE/RL", "The Guardian", "Le Monde",
    "Der Spiegel", "Anadolu Agency", "Hurriyet Daily News", "Civil.ge", "JAMnews", "Caucasian Knot",
    "Interfax", "Kommersant", "Asbarez", "Report.az", "APA", "Hetq", "CivilNet", "Daily Sabah"};

const std::vector<std::string> k_furniture = {
    "- Advertisement -", "Share this article", "Leave a Reply", "Read more:", "Subscribe to our newsletter",
    "We use cookies to improve your experience on our site."};

const std::vector<std::string> k_background = {
    "Nagorno-Karabakh is internationally recognised as part of Azerbaijan but was under Armenian control since 1991.",
    "In 2020, Azerbaijan regained territory in and around the enclave after a second war ended in a Russian-brokered "
    "ceasefire.",
    "Since then, talks have continued to normalize relations between Baku and Yerevan.",
    "The two countries fought a war in the early 1990s.",
    "Russian peacekeepers have been deployed along the Lachin corridor since November 2020."};

const char* k_months[] = {"January", "February", "March",     "April",   "May",      "June",
                          "July",    "August",   "September", "October", "November", "December"};
const char* k_weekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string replace_all(std::string s, std::string_view from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// How an article written on `published` would say `day`.
std::string date_phrase(Date day, Date published, std::mt19937_64& rng) {
    const int ago = (published - day).days();
    const int month = day.month().as_number();
    const int dom = day.day().as_number();
    std::uniform_int_distribution<int> pick(0, 9);
    int form = pick(rng);
    if (ago >= 1 && ago <= 6 && form < 4) return fmt::format("on {}", k_weekdays[day.day_of_week().as_number()]);
    if (ago == 1 && form < 6) return "yesterday";
    if (day.year() == published.year() && form < 7) return fmt::format("on {} {}", k_months[month - 1], dom);
    if (form < 9) return fmt::format("on {} {} {}", dom, k_months[month - 1], static_cast<int>(day.year()));
    return fmt::format("on {} {}, {}", k_months[month - 1], dom, static_cast<int>(day.year()));
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 1000;
    std::uint64_t seed = 1;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--seed" && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: gen_articles [COUNT] [--seed N] > corpus.jsonl\n";
            return 0;
        } else count = std::strtoull(argv[i], nullptr, 10);
    }
    std::mt19937_64 rng(seed);
    const dateline::Gazetteer gazetteer(dateline::DataFiles::builtin());
    std::vector<std::string> actors, places;
    for (const auto& a : gazetteer.actors())
        if (a.kind == "state" || a.kind == "organisation") actors.push_back(a.name);
    for (const auto& p : gazetteer.places())
        if (p.lat) places.push_back(p.name);
    if (actors.size() < 2 || places.empty()) {
        std::cerr << "gen_articles: the gazetteer has too few actors or places\n";
        return 2;
    }
    // The Caucasus dominate the news this corpus imitates: the first entries
    // (caucasus.json is loaded first) are drawn far more often.
    auto skewed = [&](const std::vector<std::string>& v) -> const std::string& {
        std::uniform_real_distribution<double> u(0, 1);
        const double x = u(rng);
        const std::size_t head = std::min<std::size_t>(v.size(), 12);
        return x < 0.8 ? v[static_cast<std::size_t>(u(rng) * head)] : v[static_cast<std::size_t>(u(rng) * v.size())];
    };

    // A pool of world events, sorted by day: about two articles' worth of news per event.
    const Date first(2015, 1, 1);
    const int span_days = (Date(2023, 12, 31) - first).days();
    std::vector<WorldEvent> pool(std::max<std::size_t>(count, 4));
    std::uniform_int_distribution<int> day_of(0, span_days);
    std::uniform_int_distribution<std::size_t> type_of(0, k_templates.size() - 1);
    for (auto& e : pool) {
        e.type = k_templates[type_of(rng)].first;
        e.day = first + greg::days(day_of(rng));
        e.a = skewed(actors);
        do e.b = skewed(actors);
        while (e.b == e.a);
        e.place = skewed(places);
    }
    std::sort(pool.begin(), pool.end(), [](const WorldEvent& x, const WorldEvent& y) { return x.day < y.day; });

    std::uniform_int_distribution<std::size_t> anchor_of(0, pool.size() - 4);
    std::uniform_int_distribution<int> n_events(2, 4), lag(0, 4), coin(0, 99);
    for (std::size_t n = 0; n < count; ++n) {
        const std::size_t anchor = anchor_of(rng);
        const int k = n_events(rng);
        Date published = pool[anchor + static_cast<std::size_t>(k) - 1].day + greg::days(lag(rng));
        std::string text;
        std::string title;
        const std::string& outlet = k_outlets[static_cast<std::size_t>(coin(rng)) % k_outlets.size()];
        text += outlet + "\n\n";
        for (int j = 0; j < k; ++j) {
            const WorldEvent& e = pool[anchor + static_cast<std::size_t>(j)];
            const auto& variants =
                std::find_if(k_templates.begin(), k_templates.end(), [&](const auto& t) { return t.first == e.type; })
                    ->second;
            std::string s = variants[static_cast<std::size_t>(coin(rng)) % variants.size()];
            s = replace_all(s, "{A}", e.a);
            s = replace_all(s, "{B}", e.b);
            s = replace_all(s, "{P}", e.place);
            s = replace_all(s, "{D}", date_phrase(e.day, published, rng));
            if (j == 0) {
                title = s.substr(0, s.find_first_of(",."));
                text += title + "\n\n";
            }
            text += s;
            text += coin(rng) < 50 ? " " : "\n\n";
            if (coin(rng) < 15) text += k_furniture[static_cast<std::size_t>(coin(rng)) % k_furniture.size()] + "\n\n";
        }
        if (coin(rng) < 40) text += "\n\n" + k_background[static_cast<std::size_t>(coin(rng)) % k_background.size()];
        text += "\n";
        nlohmann::json j = {{"id", fmt::format("gen-{}-{}", seed, n)},
                            {"url", fmt::format("https://news.example/{}/{}", seed, n)},
                            {"title", title},
                            {"source", outlet},
                            {"published", dateline::iso(published)},
                            {"language", "en"},
                            {"text", text}};
        std::cout << j.dump() << '\n';
    }
    return 0;
}
