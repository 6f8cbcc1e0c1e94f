// Tests for DataFiles: built-in files, overlays from a directory, errors.
#include "dateline/data_files.hpp"

#include "dateline/error.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace dateline;

TEST_CASE("the data files are compiled in and listed by prefix") {
    DataFiles f = DataFiles::builtin();
    CHECK(f.has("events/types.json"));
    CHECK_FALSE(f.list("gazetteer/").empty());
    CHECK(f.get("events/types.json").find("legal_ruling") != std::string::npos);
    CHECK_THROWS_WITH_AS(f.get("nope.json"), doctest::Contains("nope.json"), DataError);
}

TEST_CASE("a --data directory adds and replaces files by relative path") {
    const auto dir = std::filesystem::temp_directory_path() / "dateline-data-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "gazetteer");
    std::ofstream(dir / "gazetteer" / "mine.json") << R"({"actors": []})";
    std::ofstream(dir / "extra.json") << "{}";
    DataFiles f = DataFiles::builtin();
    f.add_directory(dir);
    CHECK(f.has("gazetteer/mine.json"));
    CHECK(f.has("extra.json"));
    CHECK(f.origin("gazetteer/mine.json").find("mine.json") != std::string::npos);
    CHECK_THROWS_AS(f.add_directory(dir / "missing"), DataError);
    std::filesystem::remove_all(dir);
}
