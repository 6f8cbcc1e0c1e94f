// Tests for the readers: text, JSON Lines, HTML, bad input and page furniture.
#include "dateline/reader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace dateline;

namespace {

struct Collected {
    std::vector<Article> articles;
    std::vector<ReadProblem> problems;
};

Collected read(const std::string& content, const std::string& name, InputFormat format, ReadOptions options = {}) {
    Collected c;
    std::istringstream in(content);
    read_articles(in, name, format, options, [&](Article&& a) { c.articles.push_back(std::move(a)); },
                  [&](const ReadProblem& p) { c.problems.push_back(p); });
    return c;
}

}  // namespace

TEST_CASE("a JSON line gives an article with its fields and publication date") {
    auto c = read(R"({"id": "a1", "url": "https://x.test/a", "title": "T", "source": "Wire", "published": "2023-02-23T08:00:00Z", "text": "Body."})" "\n",
                  "in.jsonl", InputFormat::jsonl);
    REQUIRE(c.articles.size() == 1);
    CHECK(c.problems.empty());
    const Article& a = c.articles[0];
    CHECK(a.id == "a1");
    CHECK(a.url == "https://x.test/a");
    CHECK(a.source == "Wire");
    CHECK(a.published == Date(2023, 2, 23));
    CHECK(a.text == "Body.");
    CHECK(a.origin == "in.jsonl:1");
}

TEST_CASE("escapes in a JSON line decode as nlohmann decodes them, and a lone surrogate is refused") {
    const std::vector<std::string> lines = {
        R"({"id": "e1", "text": "Quote \" slash \/ back \\ tab \t nl \n cr \r bs \b ff \f end."})",
        R"({"id": "e2", "text": "Caf\u00e9 \u0410\u0437\u0435\u0440 \u2014 \u20AC."})",
        R"({"id": "e3", "text": "A pair \ud83d\ude00 and \uD834\uDD1E, then plain."})",
        R"({"id": "e4", "text": "\u0041\u00ffB \u007e ends."})",
    };
    std::string content;
    for (const auto& l : lines) content += l + "\n";
    auto c = read(content, "esc.jsonl", InputFormat::jsonl);
    CHECK(c.problems.empty());
    REQUIRE(c.articles.size() == lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        CHECK(c.articles[i].text == nlohmann::json::parse(lines[i])["text"].get<std::string>());

    for (const char* bad : {R"({"text": "lone \ud800 high"})", R"({"text": "lone \udc00 low"})",
                            R"({"text": "half pair \ud83d\u0041"})", R"({"text": "bad \u12G4 hex"})",
                            R"({"text": "unknown \q escape"})"}) {
        auto b = read(std::string(bad) + "\n", "bad.jsonl", InputFormat::jsonl);
        CHECK(b.articles.empty());
        REQUIRE(b.problems.size() == 1);
        CHECK(b.problems[0].where == "bad.jsonl:1");
        CHECK(b.problems[0].message.find("malformed JSON") != std::string::npos);
    }
}

TEST_CASE("bad JSON lines are reported with their line number and the good ones still read") {
    const std::string content =
        "{\"text\": \"First.\"}\n"
        "{not json\n"
        "{\"text\": 42}\n"
        "[1, 2]\n"
        "\n"
        "{\"title\": \"no text\"}\n"
        "{\"text\": \"Last.\", \"published\": \"2023-02-30\"}\n";
    auto c = read(content, "feed.jsonl", InputFormat::jsonl);
    REQUIRE(c.articles.size() == 2);
    CHECK(c.articles[0].text == "First.");
    CHECK(c.articles[1].text == "Last.");
    CHECK_FALSE(c.articles[1].published.has_value());
    REQUIRE(c.problems.size() == 5);
    CHECK(c.problems[0].where == "feed.jsonl:2");
    CHECK(c.problems[0].message.find("malformed JSON") != std::string::npos);
    CHECK(c.problems[1].where == "feed.jsonl:3");
    CHECK(c.problems[1].message == "\"text\" is not a string");
    CHECK(c.problems[2].where == "feed.jsonl:4");
    CHECK(c.problems[3].where == "feed.jsonl:6");
    CHECK(c.problems[4].where == "feed.jsonl:7");
    CHECK(c.problems[4].message.find("not an ISO date") != std::string::npos);
}

TEST_CASE("a text file is one article named after the file, dated by --published") {
    ReadOptions o;
    o.published = Date(2023, 2, 23);
    auto c = read("Some text.\n", "dir/lachin-corridor.txt", InputFormat::text, o);
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].id == "lachin-corridor");
    CHECK(c.articles[0].published == Date(2023, 2, 23));
}

TEST_CASE("invalid UTF-8, UTF-16, NUL bytes and empty text are refused with a reason") {
    CHECK(read("bad \xC0\xAF byte", "a.txt", InputFormat::text).problems.at(0).message.find("invalid UTF-8 at byte 4") != std::string::npos);
    CHECK(read("\xED\xA0\x80 surrogate", "a.txt", InputFormat::text).problems.size() == 1);
    CHECK(read("cut \xE2\x80", "a.txt", InputFormat::text).problems.size() == 1);
    CHECK(read(std::string("\xFF\xFEh\0i\0", 6), "a.txt", InputFormat::text).problems.at(0).message.find("UTF-16") != std::string::npos);
    CHECK(read(std::string("a\0b", 3), "a.txt", InputFormat::text).problems.at(0).message.find("NUL") != std::string::npos);
    CHECK(read("   \n\n  ", "a.txt", InputFormat::text).problems.at(0).message == "article text is empty");
}

TEST_CASE("an article over the size limit is skipped with a message") {
    ReadOptions o;
    o.max_article_bytes = 10;
    auto c = read("This text is longer than ten bytes.", "big.txt", InputFormat::text, o);
    CHECK(c.articles.empty());
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message.find("over the limit") != std::string::npos);
}

TEST_CASE("page furniture lines are blanked without moving the other text") {
    std::string text = "Title\n\n- Advertisement -\n\nReal sentence.\n\nLeave a Reply\n\nThis website uses cookies to improve your experience.";
    const std::size_t before = text.find("Real sentence.");
    const std::size_t size = text.size();
    blank_page_furniture(text);
    CHECK(text.size() == size);
    CHECK(text.find("Real sentence.") == before);
    CHECK(text.find("Advertisement") == std::string::npos);
    CHECK(text.find("Leave a Reply") == std::string::npos);
    CHECK(text.find("cookies") == std::string::npos);
    CHECK(text.find("Title") == 0);
}

TEST_CASE("an HTML page gives its title, publication date and body text without scripts or navigation") {
    const std::string page = R"(<!doctype html><html lang="en"><head><title>Site | Story</title>
<meta property="og:title" content="Court orders end to blockade">
<meta property="article:published_time" content="2023-02-23T09:00:00+00:00">
<script>var x = "Russia attacked on Monday";</script></head>
<body><nav><a href="/">Home</a> World News</nav>
<article><h1>Court orders end to blockade</h1><p>The court <b>ruled</b> on Wednesday.</p>
<div class="share-buttons">Share on Facebook</div><p>Second paragraph.</p></article>
<footer>Copyright</footer></body></html>)";
    auto c = read(page, "story.html", InputFormat::html);
    REQUIRE(c.articles.size() == 1);
    const Article& a = c.articles[0];
    CHECK(a.title == "Court orders end to blockade");
    CHECK(a.published == Date(2023, 2, 23));
    CHECK(a.text.find("The court ruled on Wednesday.") != std::string::npos);
    CHECK(a.text.find("Second paragraph.") != std::string::npos);
    CHECK(a.text.find("Russia attacked") == std::string::npos);
    CHECK(a.text.find("Home") == std::string::npos);
    CHECK(a.text.find("Share") == std::string::npos);
    CHECK(a.text.find("Copyright") == std::string::npos);
}

TEST_CASE("the format is detected from the extension, then from the first bytes") {
    CHECK(detect_format("a.jsonl", "") == InputFormat::jsonl);
    CHECK(detect_format("a.HTML", "") == InputFormat::html);
    CHECK(detect_format("a.tml", "") == InputFormat::timeml);
    CHECK(detect_format("", "{\"text\": 1}") == InputFormat::jsonl);
    CHECK(detect_format("", "<html>") == InputFormat::html);
    CHECK(detect_format("", "Plain words") == InputFormat::text);
}
