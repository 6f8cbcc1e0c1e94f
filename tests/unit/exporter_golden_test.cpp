// Golden files: every exporter's output for the fixed timeline, compared byte for byte.
#include "dateline/exporter.hpp"

#include "exporter_fixture.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

using namespace dateline;

namespace {

// Set DATELINE_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change.
bool updating() {
    const char* v = std::getenv("DATELINE_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

}  // namespace

TEST_CASE("every exporter writes exactly its golden file for the fixed timeline") {
    const Timeline t = test::golden_timeline();
    REQUIRE(t.events.size() == 12);
    for (const auto& exporter : builtin_exporters().all()) {
        const auto path = test::exporter_golden_dir() / "expected" /
                          (std::string(exporter->name()) + "." + std::string(exporter->extension()));
        const std::string actual = test::render(*exporter, t);
        if (updating()) {
            std::ofstream(path, std::ios::binary) << actual;
            MESSAGE("updated " << path.string());
        }
        CAPTURE(path.string());
        CHECK(actual == test::slurp(path));
    }
}

TEST_CASE("the json exporter reproduces its own input, so a native file round-trips") {
    const std::string input = test::slurp(test::exporter_golden_dir() / "timeline.json");
    const Timeline t = test::timeline_from_native(nlohmann::json::parse(input));
    const std::string once = test::render(builtin_exporters().get("json"), t);
    CHECK(once == input);
}

TEST_CASE("exporting the same timeline twice gives identical bytes") {
    const Timeline t = test::golden_timeline();
    for (const auto& exporter : builtin_exporters().all()) {
        CAPTURE(exporter->name());
        CHECK(test::render(*exporter, t) == test::render(*exporter, t));
    }
}
