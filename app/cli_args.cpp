#include "cli_args.h"

#include <cmath>
#include <cstdio>

namespace cli {

Args::Args(const std::vector<std::string>& argv, const OptionSpec& spec)
{
    bool optionsEnded = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            if (!spec.positionals)
                throw UsageError("unexpected argument '" + arg + "'");
            positionals_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        std::string name = arg == "-h" ? "--help" : arg;
        std::string value;
        bool inlineValue = false;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inlineValue = true;
        }
        if (spec.flags.count(name)) {
            if (inlineValue)
                throw UsageError("option " + name + " takes no value");
            flags_.insert(name);
        } else if (spec.valued.count(name) || spec.repeated.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size())
                    throw UsageError("option " + name + " needs a value");
                value = argv[++i];
            }
            if (spec.repeated.count(name)) {
                repeatedValues_[name].push_back(value);
                continue;
            }
            if (values_.count(name))
                throw UsageError("option " + name + " given twice");
            values_[name] = value;
        } else {
            throw UsageError("unknown option '" + name + "'");
        }
    }
}

bool Args::has(const std::string& name) const
{
    return flags_.count(name) || values_.count(name) || repeatedValues_.count(name);
}

std::vector<std::string> Args::values(const std::string& name) const
{
    const auto it = repeatedValues_.find(name);
    return it == repeatedValues_.end() ? std::vector<std::string>() : it->second;
}

std::string Args::value(const std::string& name, const std::string& fallback) const
{
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::string Args::required(const std::string& name) const
{
    const auto it = values_.find(name);
    if (it == values_.end() || it->second.empty())
        throw UsageError("missing required option " + name);
    return it->second;
}

int Args::integer(const std::string& name, int fallback, int min, int max) const
{
    const auto it = values_.find(name);
    if (it == values_.end())
        return fallback;
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    std::size_t used = 0;
    long long v = 0;
    try {
        v = std::stoll(it->second, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != it->second.size() || v < min || v > max)
        throw UsageError(name + " expects a whole number in " + range + ", got '" + it->second + "'");
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

} // namespace cli
