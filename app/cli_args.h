#pragma once
// The options of one `utad` command, parsed with CLI11. Values are kept as text and converted by
// the command, so that every mistake gets the same kind of message; wrong usage throws UsageError.
#include <CLI/CLI.hpp>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

// Wrong use of the command line: reported with the command's usage hint, exit code 2.
class UsageError : public std::runtime_error {
public:
    explicit UsageError(const std::string& message) : std::runtime_error(message) {}
};

class Command {
public:
    // `name` as it is typed ("utad train"); the description and footer frame the generated help.
    Command(const std::string& name, const std::string& description, const std::string& footer = "");

    // An option taking one value, e.g. option("--data", "DIR", "dataset folder").
    Command& option(
        const std::string& name, const std::string& valueName, const std::string& help, bool required = false);
    // An option that may be given more than once, one value each time (e.g. --set).
    Command& repeated(const std::string& name, const std::string& valueName, const std::string& help);
    // Bare arguments (e.g. IMAGE...); without this call they are wrong usage.
    Command& positionals(const std::string& name, const std::string& help);

    // Parses the arguments after the command name. Returns false when --help was asked for (the
    // help is then printed). Throws UsageError.
    bool parse(const std::vector<std::string>& args);

    bool has(const std::string& name) const;
    std::string value(const std::string& name, const std::string& fallback = "") const;
    std::string required(const std::string& name) const;  // UsageError when absent or empty
    std::vector<std::string> values(const std::string& name) const;  // of a repeated option, in order
    // A whole number in [min, max]; `fallback` when absent.
    int integer(const std::string& name, int fallback, int min, int max) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

private:
    void checkExtras() const;
    CLI::App app_;
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> lists_;
    std::vector<std::string> positionals_;
};

// `text` broken into lines of at most `width` characters, for help texts.
std::string wrapText(const std::string& text, std::size_t width = 96);

// "1:05:03", "2:07" style durations for progress lines.
std::string formatDuration(double seconds);

}  // namespace cli
