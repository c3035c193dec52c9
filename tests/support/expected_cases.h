// The bad-input folders' expected.tsv: one case per line, "file<TAB>text the error must
// contain", with "#" comments and blank lines. tests/CMakeLists.txt (ct_expected_cases) reads
// the same files for the command-line tests.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace ct::test {

struct ExpectedCase {
    std::string file;
    std::string text;
};

inline std::vector<ExpectedCase> readExpectedCases(const std::string& tsvPath) {
    std::ifstream in(tsvPath);
    INFO(tsvPath);
    REQUIRE(in);
    std::vector<ExpectedCase> cases;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        INFO("line " << number << " has no tab: " << line);
        REQUIRE(tab != std::string::npos);
        cases.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return cases;
}

}  // namespace ct::test
