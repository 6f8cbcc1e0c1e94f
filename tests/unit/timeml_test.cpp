// Tests for TimeML reading and writing (include/dateline/timeml.hpp).
#include "dateline/timeml.hpp"

#include "dateline/error.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace dateline;

namespace {

const std::string k_doc =
    "<?xml version=\"1.0\" ?>\n"
    "<TimeML>\n"
    "<DOCID>TEST-1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-02-23T10:00:00\" functionInDocument=\"CREATION_TIME\">"
    "Feb. 23, 2023</TIMEX3></DCT>\n"
    "<TITLE>Talks &amp; a blockade</TITLE>\n"
    "<TEXT>\n"
    "Baku <EVENT eid=\"e1\" class=\"OCCURRENCE\">closed</EVENT> the road "
    "<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2022-12-12\">December 12</TIMEX3>, AT&amp;T said "
    "<SIGNAL sid=\"s1\">on</SIGNAL> <TIMEX3 tid=\"t6\" type=\"DATE\" value=\"2023-02-22\" "
    "anchorTimeID=\"t0\">Wednesday</TIMEX3>.\n"
    "</TEXT>\n"
    "<TLINK lid=\"l1\" relType=\"BEFORE\" timeID=\"t5\" relatedToTime=\"t0\"/>\n"
    "</TimeML>\n";

const std::string k_plain = "\nBaku closed the road December 12, AT&T said on Wednesday.\n";

TimemlTimex annotation(std::size_t begin, std::size_t end, std::string type, std::string value) {
    TimemlTimex t;
    t.begin = begin;
    t.end = end;
    t.type = std::move(type);
    t.value = std::move(value);
    return t;
}

}  // namespace

TEST_CASE("the plain text has every inline tag removed and entities decoded") {
    TimemlDocument doc = TimemlDocument::parse(k_doc, "test.tml");
    CHECK(doc.text() == k_plain);
    CHECK(doc.id() == "TEST-1");
    CHECK(doc.title() == "Talks & a blockade");
}

TEST_CASE("the DCT is the value of the TIMEX3 inside DCT, with its tid") {
    TimemlDocument doc = TimemlDocument::parse(k_doc, "test.tml");
    REQUIRE(doc.dct());
    CHECK(*doc.dct() == Date(2023, 2, 23));
    CHECK(doc.dct_tid() == "t0");
}

TEST_CASE("gold timexes carry their attributes and offsets into the plain text") {
    TimemlDocument doc = TimemlDocument::parse(k_doc, "test.tml");
    REQUIRE(doc.timexes().size() == 2);
    const TimemlTimex& a = doc.timexes()[0];
    CHECK(doc.text().substr(a.begin, a.end - a.begin) == "December 12");
    CHECK(a.tid == "t5");
    CHECK(a.type == "DATE");
    CHECK(a.value == "2022-12-12");
    CHECK(a.anchor_time_id.empty());
    const TimemlTimex& b = doc.timexes()[1];
    CHECK(doc.text().substr(b.begin, b.end - b.begin) == "Wednesday");
    CHECK(b.anchor_time_id == "t0");
}

TEST_CASE("writing no timexes removes only the TIMEX3 tags inside TEXT") {
    TimemlDocument doc = TimemlDocument::parse(k_doc, "test.tml");
    std::string expected = k_doc;
    for (std::string tag : {"<TIMEX3 tid=\"t5\" type=\"DATE\" value=\"2022-12-12\">",
                            "<TIMEX3 tid=\"t6\" type=\"DATE\" value=\"2023-02-22\" anchorTimeID=\"t0\">"}) {
        expected.erase(expected.find(tag), tag.size());
    }
    std::size_t text_at = expected.find("<TEXT>");
    for (std::size_t p; (p = expected.find("</TIMEX3>", text_at)) != std::string::npos;) expected.erase(p, 9);
    CHECK(doc.write({}) == expected);
}

TEST_CASE("writing the gold timexes back reproduces a document whose tags have our attributes") {
    TimemlDocument doc = TimemlDocument::parse(k_doc, "test.tml");
    CHECK(doc.write(doc.timexes()) == k_doc);
}

TEST_CASE("new timexes are numbered without reusing a tid from outside TEXT") {
    TimemlDocument doc = TimemlDocument::parse(
        "<DCT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-01-02\">x</TIMEX3></DCT>"
        "<TEXT>today and tomorrow</TEXT>",
        "n.tml");
    TimemlTimex today = annotation(0, 5, "DATE", "2020-01-02");
    today.anchor_time_id = doc.dct_tid();
    TimemlTimex tomorrow = annotation(10, 18, "DATE", "2020-01-03");
    tomorrow.mod = "START";
    CHECK(doc.write({today, tomorrow}) ==
          "<DCT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020-01-02\">x</TIMEX3></DCT><TEXT>"
          "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-01-02\" anchorTimeID=\"t1\">today</TIMEX3> and "
          "<TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2020-01-03\" mod=\"START\">tomorrow</TIMEX3></TEXT>");
}

TEST_CASE("a timex boundary next to an entity maps to the whole entity") {
    TimemlDocument doc = TimemlDocument::parse("<TEXT>Q&amp;A &#8220;1991&#8221;</TEXT>", "e.tml");
    CHECK(doc.text() == "Q&A \xE2\x80\x9C" "1991\xE2\x80\x9D");
    std::size_t b = doc.text().find("1991");
    CHECK(doc.write({annotation(b - 3, b + 7, "DATE", "1991")}) ==
          "<TEXT>Q&amp;A <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1991\">&#8220;1991&#8221;</TIMEX3></TEXT>");
}

TEST_CASE("a timex that would cross an EVENT or SIGNAL boundary is widened to enclose it") {
    TimemlDocument doc = TimemlDocument::parse(
        "<TEXT>the <EVENT eid=\"e1\">war</EVENT> years <SIGNAL sid=\"s1\">of 1991</SIGNAL></TEXT>", "w.tml");
    CHECK(doc.text() == "the war years of 1991");
    // "war years" starts inside the EVENT: the tag moves before <EVENT>.
    CHECK(doc.write({annotation(4, 13, "DURATION", "PXY")}) ==
          "<TEXT>the <TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"PXY\"><EVENT eid=\"e1\">war</EVENT> years"
          "</TIMEX3> <SIGNAL sid=\"s1\">of 1991</SIGNAL></TEXT>");
    // "1991" alone nests inside the SIGNAL.
    CHECK(doc.write({annotation(17, 21, "DATE", "1991")}) ==
          "<TEXT>the <EVENT eid=\"e1\">war</EVENT> years <SIGNAL sid=\"s1\">of "
          "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1991\">1991</TIMEX3></SIGNAL></TEXT>");
}

TEST_CASE("overlapping and empty timexes are not written") {
    TimemlDocument doc = TimemlDocument::parse("<TEXT>March 3 to March 9</TEXT>", "o.tml");
    std::string out = doc.write({annotation(0, 7, "DATE", "XXXX-03-03"), annotation(5, 12, "DATE", "X"),
                                 annotation(11, 11, "DATE", "Y"), annotation(11, 18, "DATE", "XXXX-03-09")});
    CHECK(out ==
          "<TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-03-03\">March 3</TIMEX3> to "
          "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"XXXX-03-09\">March 9</TIMEX3></TEXT>");
}

TEST_CASE("values are escaped in attributes") {
    TimemlDocument doc = TimemlDocument::parse("<TEXT>now</TEXT>", "x.tml");
    CHECK(doc.write({annotation(0, 3, "DATE", "a\"<&")}) ==
          "<TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"a&quot;&lt;&amp;\">now</TIMEX3></TEXT>");
}

TEST_CASE("a document without DCT has no DCT and the file name as id") {
    TimemlDocument doc = TimemlDocument::parse("<TimeML><TEXT>Hello</TEXT></TimeML>", "dir/APW1.tml.TE3input");
    CHECK_FALSE(doc.dct());
    CHECK(doc.dct_tid().empty());
    CHECK(doc.id() == "APW1");
}

TEST_CASE("malformed TimeML throws InputError naming the file and the line") {
    auto message = [](const std::string& content) {
        try {
            TimemlDocument::parse(content, "bad.tml");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no exception");
    };
    CHECK(message("<DOCID>x</DOCID>") == "bad.tml: not a TimeML document: no <TEXT> element");
    CHECK(message("<TEXT>\nno end") == "bad.tml:1: malformed TimeML: <TEXT> has no </TEXT>");
    CHECK(message("<TEXT>\n<EVENT>x</SIGNAL></TEXT>") ==
          "bad.tml:2: malformed TimeML: </SIGNAL> closes <EVENT> (line 2)");
    CHECK(message("<TEXT>\n\n<TIMEX3 tid=\"t1\">x</TEXT>") ==
          "bad.tml:3: malformed TimeML: <TIMEX3> is not closed before </TEXT>");
    CHECK(message("<TEXT>a < b</TEXT>") == "bad.tml:1: malformed TimeML: '<' that does not start a tag (write &lt;)");
    CHECK(message("<DCT><TIMEX3 tid=\"t0\" value=\"soon\">x</TIMEX3></DCT><TEXT></TEXT>") ==
          "bad.tml:1: malformed TimeML: the DCT value \"soon\" is not an ISO date (YYYY-MM-DD)");
    CHECK(message("<TEXT><TIMEX3 tid=t1>x</TIMEX3></TEXT>") ==
          "bad.tml:1: malformed TimeML: attribute tid of <TIMEX3> is not quoted");
}

TEST_CASE("article_from_timeml gives DOCID, DCT, title and plain text") {
    Article a = article_from_timeml(k_doc, "test.tml");
    CHECK(a.id == "TEST-1");
    REQUIRE(a.published);
    CHECK(*a.published == Date(2023, 2, 23));
    CHECK(a.title == "Talks & a blockade");
    CHECK(a.text == k_plain);
    CHECK(a.origin == "test.tml");
    CHECK_THROWS_AS(article_from_timeml("not timeml", "x.txt"), InputError);
}

TEST_CASE("the tagger's anaphoric timexes are dropped and relative ones anchored to the DCT") {
    Timex absolute;
    absolute.begin = 0;
    absolute.end = 4;
    absolute.value = "1991";
    Timex anaphor;
    anaphor.begin = 10;
    anaphor.end = 19;
    anaphor.value = "1991";
    anaphor.anaphoric = true;
    Timex relative;
    relative.begin = 25;
    relative.end = 34;
    relative.type = TimexType::duration;
    relative.value = "P1W";
    relative.relative = true;
    relative.mod = "APPROX";
    auto out = timeml_timexes({absolute, anaphor, relative}, "t0");
    REQUIRE(out.size() == 2);
    CHECK(out[0].value == "1991");
    CHECK(out[0].anchor_time_id.empty());
    CHECK(out[1].type == "DURATION");
    CHECK(out[1].mod == "APPROX");
    CHECK(out[1].anchor_time_id == "t0");
    CHECK(timeml_timexes({relative}, "")[0].anchor_time_id.empty());
}

TEST_CASE("every shared TimeBank and AQUAINT document parses and its gold survives a round trip") {
    std::filesystem::path dir = test::shared_dir() / "eval" / "timeml";
    if (!std::filesystem::is_directory(dir)) {
        MESSAGE("skipped: no shared TimeML corpus at " << dir.string());
        return;
    }
    std::size_t documents = 0;
    std::size_t timexes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".tml") continue;
        std::string content = test::slurp(entry.path());
        TimemlDocument doc = TimemlDocument::parse(content, entry.path().string());
        ++documents;
        timexes += doc.timexes().size();
        CHECK(doc.dct());
        TimemlDocument again = TimemlDocument::parse(doc.write(doc.timexes()), entry.path().string());
        CHECK(again.text() == doc.text());
        CHECK(again.timexes() == doc.timexes());
        CHECK(TimemlDocument::parse(doc.write({}), "").timexes().empty());
    }
    CHECK(documents == 256);
    CHECK(timexes == 1822);
}
