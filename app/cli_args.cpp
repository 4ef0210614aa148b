#include "cli_args.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

namespace cli {

namespace {

// Messages of CLI11's errors in the words the rest of `utad` uses.
std::string usageMessage(const CLI::ParseError& e)
{
    const std::string what = e.what();
    const auto endsWith = [&](const std::string& tail) {
        return what.size() >= tail.size() && what.compare(what.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (dynamic_cast<const CLI::RequiredError*>(&e) && endsWith(" is required"))
        return "missing required option " + what.substr(0, what.size() - std::string(" is required").size());
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        const std::string name = what.substr(0, what.find(':'));
        if (what.find("At Most") != std::string::npos)
            return "option " + name + " given twice";
        if (endsWith(" missing"))
            return "option " + name + " needs a value";
    }
    return what;
}

// Breaks `text` into lines of at most `width` characters at spaces (CLI11 indents the next lines).
std::string wrap(const std::string& text, std::size_t width = 66)
{
    std::string out, line, word;
    std::istringstream words(text);
    while (words >> word) {
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + line;
}

// Usage first, then what the command does, then the options.
class Formatter : public CLI::Formatter {
public:
    std::string make_description(const CLI::App*) const override { return ""; }
    std::string make_usage(const CLI::App* app, std::string name) const override
    {
        return CLI::Formatter::make_usage(app, name) + "\n" + app->get_description() + "\n";
    }
};

}  // namespace

std::string wrapText(const std::string& text, std::size_t width) { return wrap(text, width); }

Command::Command(const std::string& name, const std::string& description, const std::string& footer)
    : app_(description, name)
{
    app_.allow_extras();  // reported below, in our words
    if (!footer.empty())
        app_.footer(footer + "\n");
    auto formatter = std::make_shared<Formatter>();
    formatter->column_width(26);
    app_.formatter(formatter);
}

Command& Command::option(const std::string& name, const std::string& valueName, const std::string& help, bool required)
{
    app_.add_option(name, values_[name], wrap(help))->type_name(valueName)->required(required);
    return *this;
}

Command& Command::repeated(const std::string& name, const std::string& valueName, const std::string& help)
{
    app_.add_option(name, lists_[name], wrap(help))
        ->type_name(valueName)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    return *this;
}

Command& Command::positionals(const std::string& name, const std::string& help)
{
    app_.add_option(name, positionals_, wrap(help))->type_name("");
    return *this;
}

bool Command::parse(const std::vector<std::string>& args)
{
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    try {
        app_.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        std::cout << app_.help();
        return false;
    } catch (const CLI::RequiredError& e) {
        checkExtras();  // an unknown option explains a missing one better
        throw UsageError(usageMessage(e));
    } catch (const CLI::ParseError& e) {
        throw UsageError(usageMessage(e));
    }
    checkExtras();
    return true;
}

void Command::checkExtras() const
{
    const std::vector<std::string> extras = app_.remaining();
    if (!extras.empty()) {
        const std::string& first = extras.front();
        if (first.size() > 1 && first[0] == '-')
            throw UsageError("unknown option '" + first.substr(0, first.find('=')) + "'");
        throw UsageError("unexpected argument '" + first + "'");
    }
}

bool Command::has(const std::string& name) const { return app_.count(name) > 0; }

std::string Command::value(const std::string& name, const std::string& fallback) const
{
    const auto it = values_.find(name);
    return it == values_.end() || !has(name) ? fallback : it->second;
}

std::string Command::required(const std::string& name) const
{
    const std::string v = value(name);
    if (v.empty())
        throw UsageError("missing required option " + name);
    return v;
}

std::vector<std::string> Command::values(const std::string& name) const
{
    const auto it = lists_.find(name);
    return it == lists_.end() ? std::vector<std::string>() : it->second;
}

int Command::integer(const std::string& name, int fallback, int min, int max) const
{
    if (!has(name))
        return fallback;
    const std::string text = value(name);
    std::size_t used = 0;
    long long v = 0;
    try {
        v = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || v < min || v > max)
        throw UsageError(name + " expects a whole number in " + std::to_string(min) + ".." + std::to_string(max)
            + ", got '" + text + "'");
    return int(v);
}

std::string formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "?";
    const long s = std::lround(seconds);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace cli
