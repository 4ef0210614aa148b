#pragma once
// Command-line parsing for `utad`: options as --name VALUE or --name=VALUE, flags, positionals.
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

// Wrong use of the command line: reported with the command's usage hint, exit code 2.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

struct OptionSpec {
    std::set<std::string> valued;  // options taking a value, e.g. "--data"
    std::set<std::string> flags;   // options without a value, e.g. "--help"
    bool positionals = false;      // whether bare arguments are accepted
    std::set<std::string> repeated;  // valued options that may be given more than once, e.g. "--set"
};

class Args {
public:
    Args(const std::vector<std::string>& argv, const OptionSpec& spec);

    bool has(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback = "") const;
    std::string required(const std::string& name) const;
    // Every value of a repeated option, in command-line order.
    std::vector<std::string> values(const std::string& name) const;
    // Whole number in [min, max]; `fallback` when absent.
    int integer(const std::string& name, int fallback, int min, int max) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

private:
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> repeatedValues_;
    std::set<std::string> flags_;
    std::vector<std::string> positionals_;
};

// "1:05:03", "2:07" or "12 s" style durations for progress lines.
std::string formatDuration(double seconds);

} // namespace cli
