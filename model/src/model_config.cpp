// ModelConfig fields by name: one table serves the model file's metadata and `utad train --set`.
#include "utad/error.h"
#include "utad/model.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iterator>
#include <stdexcept>

namespace utad {

namespace {

struct Field {
    const char* name;
    // Only changes how maps and scores are made from the trained networks: the tiling of an image
    // and the number of naive impressions are inference choices, since training draws random
    // tiles and random detail codes.
    bool scoring;
    std::function<std::string(const ModelConfig&)> get;
    std::function<void(ModelConfig&, const std::string&)> set;
    // Added after the file format was fixed, with a default that is what earlier files were made
    // with: a file without it loads with the default.
    bool addedLater = false;
};

Field addedLater(Field f)
{
    f.addedLater = true;
    return f;
}

// "a, b, c" for error messages.
template <typename It> std::string joined(It first, It last)
{
    std::string out;
    for (; first != last; ++first)
        out += (out.empty() ? "" : ", ") + std::string(*first);
    return out;
}
std::string joined(const std::vector<std::string>& names) { return joined(names.begin(), names.end()); }

std::string number(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// The whole of `value` as a number (std::stoll or std::stod), or an error naming the setting.
template <typename T>
T parseWhole(
    const std::string& name, const std::string& value, const char* kind, T (*convert)(const std::string&, size_t*))
{
    size_t used = 0;
    T v{};
    try {
        v = convert(value, &used);
    } catch (const std::logic_error&) {
        used = 0;
    }
    if (used == 0 || used != value.size())
        throw Error("'" + name + "' needs " + kind + ", got '" + value + "'");
    return v;
}

long long parseInteger(const std::string& name, const std::string& value)
{
    return parseWhole<long long>(
        name, value, "a whole number", [](const std::string& s, size_t* used) { return std::stoll(s, used); });
}

double parseNumber(const std::string& name, const std::string& value)
{
    return parseWhole<double>(
        name, value, "a number", [](const std::string& s, size_t* used) { return std::stod(s, used); });
}

bool parseFlag(const std::string& name, const std::string& value)
{
    if (value == "1" || value == "true" || value == "on")
        return true;
    if (value == "0" || value == "false" || value == "off")
        return false;
    throw Error("'" + name + "' needs 1 or 0, got '" + value + "'");
}

Field intField(const char* name, int ModelConfig::*member, bool scoring = false)
{
    return {name, scoring, [member](const ModelConfig& c) { return std::to_string(c.*member); },
        [name, member](ModelConfig& c, const std::string& v) { c.*member = int(parseInteger(name, v)); }};
}

Field numberField(const char* name, double ModelConfig::*member, bool scoring = false)
{
    return {name, scoring, [member](const ModelConfig& c) { return number(c.*member); },
        [name, member](ModelConfig& c, const std::string& v) { c.*member = parseNumber(name, v); }};
}

Field flagField(const char* name, bool ModelConfig::*member, bool scoring = false)
{
    return {name, scoring, [member](const ModelConfig& c) { return std::string(c.*member ? "1" : "0"); },
        [name, member](ModelConfig& c, const std::string& v) { c.*member = parseFlag(name, v); }};
}

// A scoring setting that takes one of `known`.
template <size_t N>
Field choiceField(const char* name, std::string ModelConfig::*member, const char* const (&known)[N], const char* what)
{
    return {name, true, [member](const ModelConfig& c) { return c.*member; },
        [member, &known, what](ModelConfig& c, const std::string& v) {
            if (std::find(std::begin(known), std::end(known), v) == std::end(known))
                throw Error("unknown " + std::string(what) + " '" + v + "' (expected "
                    + joined(std::begin(known), std::end(known)) + ")");
            c.*member = v;
        }};
}

const std::vector<Field>& fields()
{
    static const std::vector<Field> table = {
        {"method", false, [](const ModelConfig& c) { return methodName(c.method); },
            [](ModelConfig& c, const std::string& v) { c.method = methodFromString(v); }},
        {"preset", false, [](const ModelConfig& c) { return c.preset; },
            [](ModelConfig& c, const std::string& v) { c.preset = v; }},
        intField("tileSize", &ModelConfig::tileSize),
        numberField("workingScale", &ModelConfig::workingScale),
        numberField("tileOverlap", &ModelConfig::tileOverlap, true),
        flagField("positionChannels", &ModelConfig::positionChannels),
        intField("channels", &ModelConfig::channels),
        intField("ieWidth", &ModelConfig::ieWidth),
        intField("latentDim", &ModelConfig::latentDim),
        intField("expertWidth", &ModelConfig::expertWidth),
        intField("detailDim", &ModelConfig::detailDim),
        intField("naiveSamples", &ModelConfig::naiveSamples, true),
        intField("ieSteps", &ModelConfig::ieSteps),
        intField("expertSteps", &ModelConfig::expertSteps),
        intField("batchSize", &ModelConfig::batchSize),
        numberField("learningRate", &ModelConfig::learningRate),
        numberField("klWeight", &ModelConfig::klWeight),
        numberField("ssimLossWeight", &ModelConfig::ssimLossWeight),
        addedLater(numberField("ieNoise", &ModelConfig::ieNoise)),
        addedLater(intField("ieNoiseCells", &ModelConfig::ieNoiseCells)),
        addedLater(intField("ieSkipLevels", &ModelConfig::ieSkipLevels)),
        addedLater(numberField("ganWeight", &ModelConfig::ganWeight)),
        addedLater(numberField("expertNormEpsilon", &ModelConfig::expertNormEpsilon)),
        addedLater(intField("segmenterSteps", &ModelConfig::segmenterSteps)),
        addedLater(intField("segmenterWidth", &ModelConfig::segmenterWidth)),
        {"seed", false, [](const ModelConfig& c) { return std::to_string(c.seed); },
            [](ModelConfig& c, const std::string& v) {
                const long long s = parseInteger("seed", v);
                if (s < 0)
                    throw Error("'seed' must not be negative, got '" + v + "'");
                c.seed = std::uint64_t(s);
            }},
        flagField("augment", &ModelConfig::augment),
        flagField("augmentFlips", &ModelConfig::augmentFlips),
        addedLater(numberField("augmentRotation", &ModelConfig::augmentRotation)),
        addedLater(numberField("augmentScale", &ModelConfig::augmentScale)),
        flagField("ssimResidual", &ModelConfig::ssimResidual, true),
        flagField("ssimLuminance", &ModelConfig::ssimLuminance, true),
        choiceField(
            "anomalyCombination", &ModelConfig::anomalyCombination, kAnomalyCombinations, "anomaly map combination"),
        choiceField("reconstructionResidual", &ModelConfig::reconstructionResidual, kReconstructionResiduals,
            "reconstruction residual"),
        intField("residualShift", &ModelConfig::residualShift, true),
        choiceField("segmenterMap", &ModelConfig::segmenterMap, kSegmenterMaps, "segmenter map"),
        numberField("smoothSigma", &ModelConfig::smoothSigma, true),
        numberField("scoreTopFraction", &ModelConfig::scoreTopFraction, true),
        flagField("standardiseMap", &ModelConfig::standardiseMap, true),
    };
    return table;
}

const Field& field(const std::string& name)
{
    for (const auto& f : fields())
        if (name == f.name)
            return f;
    throw Error("unknown model setting '" + name + "' (known: " + joined(configFieldNames()) + ")");
}

}  // namespace

std::vector<std::string> configFieldNames()
{
    std::vector<std::string> names;
    for (const auto& f : fields())
        names.emplace_back(f.name);
    return names;
}

bool isScoringField(const std::string& name) { return field(name).scoring; }

std::string scoringFieldList()
{
    std::vector<std::string> names;
    for (const auto& f : fields())
        if (f.scoring)
            names.emplace_back(f.name);
    const std::string last = names.back();
    names.pop_back();
    return joined(names) + " or " + last;
}

bool isOptionalField(const std::string& name)
{
    const Field& f = field(name);
    return f.scoring || f.addedLater;
}

std::string anomalyMapName(const ModelConfig& config)
{
    return (config.method == Method::TwoStage ? config.anomalyCombination : std::string("recon")) + ", "
        + config.reconstructionResidual
        + (config.residualShift > 0 ? " \u00b1" + std::to_string(config.residualShift) + " px" : std::string())
        + (config.standardiseMap && config.wholeImage() ? ", standardised" : "")
        + (config.hasSegmenter() && config.segmenterMap != "off"
                ? (config.segmenterMap == "alone" ? std::string(", segmenter alone") : std::string(", with segmenter"))
                : std::string());
}

std::string configValue(const ModelConfig& config, const std::string& name) { return field(name).get(config); }

void setConfigValue(ModelConfig& config, const std::string& name, const std::string& value)
{
    field(name).set(config, value);
}

}  // namespace utad
