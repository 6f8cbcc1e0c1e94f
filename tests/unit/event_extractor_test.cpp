// Tests for the event extractor: the sample's nine facts, attachment rules, status, folding.
#include "dateline/event_extractor.hpp"

#include "dateline/reader.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

using namespace dateline;

namespace {

const Pipeline& pipeline() {
    static const Pipeline p(DataFiles::builtin());
    return p;
}

std::vector<Event> extract(const std::string& text, std::optional<Date> published = Date(2023, 2, 23)) {
    Article a;
    a.id = "t";
    a.text = text;
    a.published = published;
    blank_page_furniture(a.text);
    return pipeline().extract(a);
}

bool has_actor(const Event& e, const std::string& name) {
    for (const auto& a : e.actors)
        if (a.name == name) return true;
    return false;
}

bool has_place(const Event& e, const std::string& name) {
    for (const auto& p : e.places)
        if (p.name == name) return true;
    return false;
}

const Event* find(const std::vector<Event>& events, const std::string& type) {
    for (const auto& e : events)
        if (e.type == type) return &e;
    return nullptr;
}

std::string squash(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n' || c == ' ') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

Article sample_article() {
    std::ifstream in(test::source_dir() / "data/samples/lachin-corridor.jsonl");
    std::vector<Article> articles;
    read_articles(in, "lachin-corridor.jsonl", InputFormat::jsonl, {}, [&](Article&& a) { articles.push_back(std::move(a)); },
                  [](const ReadProblem&) {});
    REQUIRE(articles.size() == 1);
    return articles[0];
}

}  // namespace

TEST_CASE("the sample yields the nine facts an analyst expects, with date, type, actors and places") {
    const auto expected = nlohmann::json::parse(test::slurp(test::source_dir() / "tests/golden/sample/lachin-corridor.expected.json"));
    const auto events = pipeline().extract(sample_article());
    for (const auto& fact : expected["facts"]) {
        CAPTURE(fact.dump());
        const Event* hit = nullptr;
        for (const auto& e : events)
            if (e.type == fact["type"] && e.when && e.when->edtf() == fact["when"] &&
                squash(e.evidence.sentence).find(fact["evidence"].get<std::string>()) != std::string::npos)
                hit = &e;
        REQUIRE(hit != nullptr);
        for (const auto& a : fact["actors"]) CHECK_MESSAGE(has_actor(*hit, a), a.get<std::string>());
        for (const auto& p : fact["places"]) CHECK_MESSAGE(has_place(*hit, p), p.get<std::string>());
    }
}

TEST_CASE("no event comes from the sample's page furniture, and every event keeps its evidence") {
    const Article a = sample_article();
    for (const auto& e : pipeline().extract(a)) {
        for (const char* junk : {"Advertisement", "Leave a Reply", "cookies"})
            CHECK(e.evidence.sentence.find(junk) == std::string::npos);
        CHECK(e.evidence.article == "lachin-corridor");
        CHECK(e.evidence.end > e.evidence.begin);
        CHECK(squash(a.text.substr(e.evidence.begin, e.evidence.end - e.evidence.begin)) == e.evidence.sentence);
        CHECK(!e.headline.empty());
        CHECK(e.headline.size() <= 124);
        CHECK(e.confidence > 0.0);
        CHECK(e.confidence < 1.0);
    }
}

TEST_CASE("the same text as plain text with --published gives the same events") {
    const Article j = sample_article();
    std::ifstream in(test::source_dir() / "data/samples/lachin-corridor.txt");
    ReadOptions o;
    o.published = Date(2023, 2, 23);
    std::vector<Article> t;
    read_articles(in, "lachin-corridor.txt", InputFormat::text, o, [&](Article&& a) { t.push_back(std::move(a)); },
                  [](const ReadProblem&) {});
    REQUIRE(t.size() == 1);
    const auto a = pipeline().extract(j);
    const auto b = pipeline().extract(t[0]);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].type == b[i].type);
        CHECK(a[i].when == b[i].when);
        CHECK(a[i].headline == b[i].headline);
    }
}

TEST_CASE("without a publication date, relative dates stay unresolved and nothing is dated from today") {
    Article a = sample_article();
    a.published.reset();
    const auto events = pipeline().extract(a);
    bool saw_unresolved = false;
    for (const auto& e : events) {
        if (e.date_source == DateSource::unresolved) {
            saw_unresolved = true;
            CHECK_FALSE(e.when.has_value());
        } else {
            REQUIRE(e.when.has_value());
            CHECK(e.date_source == DateSource::text);
            // Only absolute dates remain: 1991 and 2020 (and "since then" from 2020).
            CHECK(e.when->earliest.year() <= 2020);
        }
    }
    CHECK(saw_unresolved);
}

TEST_CASE("a fact with no date in its sentence is dated by the report and marked so") {
    auto events = extract("Russia urged Azerbaijan and Armenia to resume talks.");
    const Event* e = find(events, "appeal");
    REQUIRE(e);
    CHECK(e->date_source == DateSource::published);
    CHECK(e->when->edtf() == "2023-02-23");
    CHECK_FALSE(e->evidence.timex.has_value());
}

TEST_CASE("a fronted date dates every event of its sentence") {
    auto events = extract("In 2020, Azerbaijan regained territory after a second war ended in a Russian-brokered ceasefire.");
    for (const char* type : {"territorial_change", "armed_conflict", "ceasefire"}) {
        const Event* e = find(events, type);
        REQUIRE_MESSAGE(e, type);
        CHECK(e->when->edtf() == "2020");
    }
    const Event* c = find(events, "ceasefire");
    REQUIRE(c);
    bool mediator = false;
    for (const auto& a : c->actors) mediator |= a.name == "Russia" && a.role == "mediator";
    CHECK(mediator);
}

TEST_CASE("an inline date attaches to the nearest trigger, not to every event of the sentence") {
    auto events = extract("Russia urged restraint, with the United Nations Supreme Court on Wednesday ordering Baku to lift the blockade.");
    const Event* ruling = find(events, "legal_ruling");
    REQUIRE(ruling);
    CHECK(ruling->when->edtf() == "2023-02-22");
    CHECK(has_actor(*ruling, "International Court of Justice"));
    CHECK(has_actor(*ruling, "Azerbaijan"));
    const Event* appeal = find(events, "appeal");
    REQUIRE(appeal);
    CHECK(appeal->date_source == DateSource::published);
}

TEST_CASE("a timex dates the other triggers of its clause, but not across a saying") {
    // Published 2023-02-23, a Thursday: Saturday is 2023-02-18, Tuesday 2023-02-21.
    auto signed_ = extract("Sudan's army and the Rapid Support Forces signed a week-long ceasefire in Jeddah late on Saturday.");
    const Event* agreement = find(signed_, "agreement");
    const Event* ceasefire = find(signed_, "ceasefire");
    REQUIRE(agreement);
    REQUIRE(ceasefire);
    CHECK(agreement->when->edtf() == "2023-02-18");
    CHECK(agreement->date_source == DateSource::text);
    CHECK(ceasefire->when->edtf() == "2023-02-18");

    auto agreed = extract("Israel and Hamas agreed on Wednesday to a four-day truce in the Gaza Strip.");
    const Event* truce = find(agreed, "ceasefire");
    REQUIRE(truce);
    CHECK(truce->when->edtf() == "2023-02-22");

    // The talks of an infinitive are not dated by the call.
    auto call = extract("The European Union called on both sides on Wednesday to return to talks.");
    CHECK(find(call, "negotiation") == nullptr);

    // A saying's date is not the date of what is said.
    auto said = extract("The UN human rights office said on Tuesday that the army had kept up air raids on villages.");
    const Event* raids = find(said, "attack");
    REQUIRE(raids);
    CHECK(raids->date_source == DateSource::published);
}

TEST_CASE("a second speech act joined to a saying by 'and' is dated by it; what was said is not") {
    auto urged = extract("Zelensky said on Friday that the Russians were trying to stretch his troops and urged Western "
                         "partners to speed up deliveries.",
                         Date(2024, 5, 11));
    const Event* appeal = find(urged, "appeal");
    REQUIRE(appeal);
    CHECK(appeal->when->edtf() == "2024-05-10");
    auto pressing = extract("IAEA chief Rafael Grossi said on Monday the agency would keep pressing for access to the halls.",
                            Date(2023, 7, 25));
    const Event* statement = find(pressing, "statement");
    REQUIRE(statement);
    CHECK(statement->when->edtf() == "2023-07-24");
}

TEST_CASE("an attribution after a comma does not take the date of the fact before it") {
    auto events = extract("Azerbaijani police detained two opposition journalists in Baku on Tuesday, the Central Election Commission said.");
    const Event* arrest = find(events, "arrest");
    REQUIRE(arrest);
    CHECK(arrest->when->edtf() == "2023-02-21");
    CHECK(arrest->date_source == DateSource::text);
}

TEST_CASE("a planned fact: a noun before 'is due to', and a date after the report") {
    auto due = extract("The truce is due to begin on Saturday morning.");
    const Event* truce = find(due, "ceasefire");
    REQUIRE(truce);
    CHECK(truce->status == EventStatus::planned);
    auto later = extract("The truce will last until April 22.");
    const Event* until = find(later, "ceasefire");
    REQUIRE(until);
    CHECK(until->when->edtf() == "../2023-04-22");  // 'will last': ahead of the report, not last April
    CHECK(until->status == EventStatus::planned);
    auto past = extract("Fighting ended in a ceasefire on February 10.");
    const Event* done = find(past, "ceasefire");
    REQUIRE(done);
    CHECK(done->status == EventStatus::asserted);
}

TEST_CASE("a people named by its plural demonym is its state as actor, keeping the surface") {
    auto events = extract("Thousands of Armenians protested in Yerevan on Wednesday.");
    const Event* protest = find(events, "protest");
    REQUIRE(protest);
    CHECK(has_actor(*protest, "Armenia"));
    bool surface = false;
    for (const auto& a : protest->actors) surface |= a.name == "Armenia" && a.surface == "Armenians";
    CHECK(surface);
}

TEST_CASE("a 'when' clause right after a date happened on that date") {
    auto events = extract("The Houthis have attacked commercial vessels since November 19, when they hijacked the cargo ship Galaxy Leader.",
                          Date(2024, 1, 13));
    bool open = false, point = false;
    for (const auto& e : events) {
        if (e.type != "attack" || !e.when) continue;
        open |= e.when->edtf() == "2023-11-19/..";
        point |= e.when->edtf() == "2023-11-19" && e.evidence.timex == "November 19";
    }
    CHECK(open);   // the attacks since then
    CHECK(point);  // the hijacking, on the day itself
}

TEST_CASE("a light verb gives way to the event noun after it, and the telling kept has the date") {
    auto launched = extract("Russian forces launched a ground offensive into the Kharkiv region on Friday.", Date(2024, 5, 11));
    CHECK(find(launched, "discovery") == nullptr);
    CHECK(find(launched, "military_movement") == nullptr);
    const Event* offensive = find(launched, "armed_conflict");
    REQUIRE(offensive);
    CHECK(offensive->when->edtf() == "2024-05-10");
    // Two triggers of one type in a clause are one event, dated by whichever has the date.
    auto coup = extract("Min Aung Hlaing, who seized power in a coup in February 2021, will attend a summit on Friday.",
                        Date(2025, 4, 3));
    const Event* change = find(coup, "leadership_change");
    REQUIRE(change);
    CHECK(change->when->edtf() == "2021-02");
    const Event* summit = find(coup, "meeting");
    REQUIRE(summit);
    CHECK(summit->when->edtf() == "2025-04-04");
    CHECK(summit->status == EventStatus::planned);
}

TEST_CASE("'Hours later' dates a sentence by the last day the text named") {
    auto events = extract("India and Pakistan agreed to a ceasefire on Saturday. Hours later, both sides accused each other of "
                          "violating the truce.",
                          Date(2025, 5, 11));
    const Event* accusation = find(events, "accusation");
    REQUIRE(accusation);
    CHECK(accusation->when->edtf() == "2025-05-10");
    CHECK(accusation->date_source == DateSource::text);
    CHECK(accusation->evidence.timex == "Hours later");
    // With no earlier day in the text it stays dated by the report.
    auto alone = extract("Hours later, both sides accused each other of violating the truce.", Date(2025, 5, 11));
    const Event* undated = find(alone, "accusation");
    REQUIRE(undated);
    CHECK(undated->date_source == DateSource::published);
}

TEST_CASE("'from X to Y' dates the event with the whole range") {
    auto events = extract("Azerbaijani and Armenian forces fought from 27 September to 10 November 2020.");
    const Event* war = find(events, "armed_conflict");
    REQUIRE(war);
    CHECK(war->when->edtf() == "2020-09-27/2020-11-10");
    CHECK(war->evidence.timex == "27 September to 10 November 2020");
    auto months = extract("The talks ran from March to June 2022.");
    const Event* talks = find(months, "negotiation");
    REQUIRE(talks);
    CHECK(talks->when->edtf() == "2022-03/2022-06");
}

TEST_CASE("a set is no end of a range: 'almost daily until November 9' ends on November 9") {
    auto events = extract("Stepanakert was shelled almost daily until November 9.", Date(2020, 11, 20));
    const Event* war = find(events, "armed_conflict");
    REQUIRE(war);
    CHECK(war->when->edtf() == "../2020-11-09");
}

TEST_CASE("'since' opens the span and 'since then' takes the last date of the text") {
    auto events = extract("The region has been under occupation since 1991. The war ended in 2020. Since then, talks have continued between Baku and Yerevan.");
    const Event* occ = find(events, "occupation");
    REQUIRE(occ);
    CHECK(occ->when->edtf() == "1991/..");
    CHECK(occ->when->open_end);
    const Event* talks = find(events, "negotiation");
    REQUIRE(talks);
    CHECK(talks->when->edtf() == "2020/..");
    CHECK(has_actor(*talks, "Azerbaijan"));
    CHECK(has_actor(*talks, "Armenia"));
}

TEST_CASE("negation and modality mark the status instead of a plain fact") {
    auto neg = extract("Baku denies blocking the road.");
    const Event* b = find(neg, "blockade");
    REQUIRE(b);
    CHECK(b->status == EventStatus::negated);
    auto planned = extract("Armenia and Azerbaijan will sign a peace treaty next week.");
    const Event* s = find(planned, "agreement");
    REQUIRE(s);
    CHECK(s->status == EventStatus::planned);
    CHECK(s->when->edtf() == "2023-02-27/2023-03-05");
}

TEST_CASE("a court's ruling needs a court: a president's order is no ruling") {
    CHECK_FALSE(find(extract("President Aliyev ordered troops to the border on Monday."), "legal_ruling"));
    CHECK(find(extract("The International Court of Justice ordered Azerbaijan on Monday to reopen the road."), "legal_ruling"));
}

TEST_CASE("the same event told twice in one article is one event with two mentions") {
    auto events = extract(
        "The International Court of Justice on Wednesday ordered Azerbaijan to end the blockade.\n\n"
        "The ICJ ordered free movement along the Lachin corridor.");
    int rulings = 0;
    for (const auto& e : events)
        if (e.type == "legal_ruling") {
            ++rulings;
            CHECK(e.when->edtf() == "2023-02-22");
            CHECK(e.mentions.size() == 1);
            CHECK(has_place(e, "Lachin corridor"));
        }
    CHECK(rulings == 1);
}

TEST_CASE("a definite noun refers back to the entity named before it") {
    auto events = extract("Clashes erupted in Nagorno-Karabakh on Monday. Shelling hit the enclave again on Tuesday.");
    int dated = 0;
    for (const auto& e : events)
        if (e.type == "armed_conflict") {
            ++dated;
            CHECK(has_place(e, "Nagorno-Karabakh"));
        }
    CHECK(dated == 2);
}

TEST_CASE("extraction never throws on odd text") {
    for (const std::string text : {std::string(""), std::string("\xE2\x80\x9C"), std::string(5000, '.'),
                                   std::string("May May May May May"), std::string("1 1 1 1 1 1 1 1"),
                                   std::string("the the the court court"), std::string("In , since then, .")})
        CHECK_NOTHROW(extract(text));
    CHECK_NOTHROW(extract("Since then, talks.", std::nullopt));
}

namespace {

// What `dateline extract` wrote before extract_jsonl: the Events of extract(),
// sorted, each as append_json and a newline.
std::string jsonl_of_events(const Article& a, std::size_t& count, bool& unresolved) {
    auto events = pipeline().extract(a);
    count = events.size();
    unresolved = std::any_of(events.begin(), events.end(),
                             [](const Event& e) { return e.date_source == DateSource::unresolved; });
    sort_chronologically(events);
    std::string out;
    for (const Event& e : events) {
        append_json(out, e);
        out += '\n';
    }
    return out;
}

// Articles to compare the two paths on: every test article, the samples, the
// extract fuzz seeds and (when ../shared is there) the TimeML corpus.
std::vector<Article> comparison_articles() {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    auto add_dir = [&](const fs::path& dir) {
        if (!fs::is_directory(dir)) return;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file()) files.push_back(e.path());
    };
    add_dir(test::source_dir() / "tests/articles");
    add_dir(test::source_dir() / "data/samples");
    add_dir(test::source_dir() / "fuzz/corpus/extract");
    add_dir(test::shared_dir() / "eval/timeml");
    std::sort(files.begin(), files.end());
    std::vector<Article> out;
    for (const auto& f : files) {
        const std::string name = f.filename().string();
        const std::string content = test::slurp(f);
        InputFormat format = detect_format(name, content.substr(0, 512));
        if (name.ends_with(".json") || name.ends_with(".TE3input")) continue;
        std::istringstream in(content);
        read_articles(in, name, format, {}, [&](Article&& a) { out.push_back(std::move(a)); },
                      [](const ReadProblem&) {});
    }
    return out;
}

}  // namespace

TEST_CASE("extract_jsonl writes the bytes of the sorted events' append_json") {
    const std::vector<Article> base = comparison_articles();
    REQUIRE(base.size() >= 20);
    std::vector<Article> articles;
    for (const Article& a : base) {
        articles.push_back(a);
        // Case variants: other names and triggers match, other capitals make names.
        Article upper = a, lower = a;
        for (char& c : upper.text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (char& c : lower.text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        articles.push_back(upper);
        articles.push_back(lower);
        // Re-wrapped with runs of whitespace: squashed sentences, names and timexes
        // are built in the arena instead of viewed in the text.
        Article wrapped = a;
        for (std::size_t i = 0, n = 0; i < wrapped.text.size(); ++i)
            if (wrapped.text[i] == ' ' && ++n % 3 == 0) wrapped.text[i] = n % 2 ? '\n' : '\t';
        wrapped.text = "  " + wrapped.text;
        for (std::size_t i = wrapped.text.find(". "); i != std::string::npos; i = wrapped.text.find(". ", i + 4))
            wrapped.text.replace(i, 2, ".  \r\n ");
        articles.push_back(wrapped);
        // No publication date (unresolved events), and a source and a URL to write.
        Article undated = a;
        undated.published.reset();
        undated.url = "https://example.test/a?b=\"c\"";
        undated.source = "Wire \\ Agency";
        articles.push_back(undated);
    }
    MESSAGE(articles.size(), " articles");
    std::size_t events = 0, compared = 0;
    for (const Article& a : articles) {
        std::size_t count = 0;
        bool unresolved = false;
        std::string expected;
        try {
            expected = jsonl_of_events(a, count, unresolved);
        } catch (const nlohmann::json::exception&) {
            // Text that is not UTF-8: the direct path throws too.
            std::string out;
            CHECK_THROWS_AS(pipeline().extract_jsonl(a, out), nlohmann::json::exception);
            continue;
        }
        std::string out = "prefix\n";
        const auto summary = pipeline().extract_jsonl(a, out);
        CHECK_MESSAGE(out == "prefix\n" + expected, a.id);
        CHECK(summary.events == count);
        CHECK(summary.unresolved == unresolved);
        events += count;
        ++compared;
    }
    CHECK(compared > 5 * 20 - 10);
    CHECK(events > 100);
}

TEST_CASE("extract_jsonl on a long wrapped article (views across several arena blocks)") {
    Article a;
    a.id = "long";
    a.published = Date(2023, 2, 23);
    for (int i = 0; i < 3000; ++i)
        a.text += "Azerbaijani  environmental\nactivists   blocked the Lachin\tcorridor on 12 December 2022,\n"
                  "the ministry said; Baku denies  it.\n" +
                  std::string(i % 7 == 0 ? "From 27 September to 10 November 2020 a  second war\nraged.\n" : "");
    std::size_t count = 0;
    bool unresolved = false;
    const std::string expected = jsonl_of_events(a, count, unresolved);
    std::string out;
    const auto summary = pipeline().extract_jsonl(a, out);
    CHECK(out == expected);
    CHECK(summary.events == count);
    CHECK(count > 3000);
    // Again, after another article on this thread: nothing of the first is kept.
    std::string again;
    (void)extract("Russia and Ukraine signed a deal on Friday.");
    pipeline().extract_jsonl(a, again);
    CHECK(again == expected);
}
