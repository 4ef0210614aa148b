// The .utad model file: one file with a header, metadata and the weights of every network.
//
// Layout (little-endian):
//   "UTADMDL1"            8 bytes magic
//   uint32 version        kModelFormatVersion
//   uint64 payloadSize
//   uint64 checksum       FNV-1a 64 of the payload
//   payload               sections: uint32 nameLength, name, uint64 dataLength, data
// Sections: "info" (key=value text), "ie" and, for the two-stage method, "expert" and, with a defect
// segmenter, "segmenter" (LibTorch archives).
#include "utad/atomic_file.h"
#include "utad/error.h"

#include "model_impl.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace utad {

namespace {

constexpr char kMagic[8] = {'U', 'T', 'A', 'D', 'M', 'D', 'L', '1'};
constexpr size_t kHeaderSize = 8 + 4 + 8 + 8;

std::uint64_t fnv1a(const std::string& data)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char ch : data) {
        h ^= ch;
        h *= 1099511628211ULL;
    }
    return h;
}

template <typename T> void putInt(std::string& out, T value)
{
    for (size_t i = 0; i < sizeof(T); ++i)
        out.push_back(char((std::uint64_t(value) >> (8 * i)) & 0xff));
}

template <typename T> T getInt(const std::string& in, size_t pos)
{
    std::uint64_t v = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
        v |= std::uint64_t(static_cast<unsigned char>(in[pos + i])) << (8 * i);
    return T(v);
}

std::string num(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string moduleBytes(const torch::nn::Module& module)
{
    torch::serialize::OutputArchive archive;
    module.save(archive);
    std::ostringstream os;
    archive.save_to(os);
    return os.str();
}

}  // namespace

std::string infoToText(const ModelInfo& info)
{
    const auto& c = info.config;
    std::ostringstream os;
    auto line = [&](const std::string& k, const std::string& v) {
        std::string clean = v;
        for (char& ch : clean)
            if (ch == '\n' || ch == '\r')
                ch = ' ';
        os << k << '=' << clean << '\n';
    };
    for (const auto& name : configFieldNames())
        line(name, configValue(c, name));
    line("normMean", num(info.normalization.mean));
    line("normStddev", num(info.normalization.stddev));
    std::string scores;
    for (double s : info.calibration.goodScores)
        scores += (scores.empty() ? "" : " ") + num(s);
    line("calGoodScores", scores);
    std::string painted;
    for (double s : info.calibration.paintedScores)
        painted += (painted.empty() ? "" : " ") + num(s);
    line("calPaintedScores", painted);
    line("calMean", num(info.calibration.mean));
    line("calStddev", num(info.calibration.stddev));
    line("calMaxPixel", num(info.calibration.maxPixel));
    if (!info.calibration.mapMean.empty()) {  // standardiseMap's statistics, row by row
        const cv::Mat& mean = info.calibration.mapMean;
        line("calMapSize", std::to_string(mean.cols) + " " + std::to_string(mean.rows));
        auto values = [&](const cv::Mat& m) {
            std::string text;
            for (auto it = m.begin<float>(); it != m.end<float>(); ++it)
                text += (text.empty() ? "" : " ") + num(*it);
            return text;
        };
        line("calMapMean", values(mean));
        line("calMapStddev", values(info.calibration.mapStddev));
    }
    line("trainDataRoot", info.training.dataRoot);
    line("trainImageCount", std::to_string(info.training.imageCount));
    line("trainSourceWidth", std::to_string(info.training.sourceWidth));
    line("trainSourceHeight", std::to_string(info.training.sourceHeight));
    line("trainSeconds", num(info.training.seconds));
    line("trainIeStepsDone", std::to_string(info.training.ieStepsDone));
    line("trainExpertStepsDone", std::to_string(info.training.expertStepsDone));
    line("trainSegmenterStepsDone", std::to_string(info.training.segmenterStepsDone));
    return os.str();
}

ModelInfo infoFromText(const std::string& text, const std::string& path)
{
    std::map<std::string, std::string> kv;
    std::istringstream is(text);
    std::string line;
    while (std::getline(is, line)) {
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            kv[line.substr(0, eq)] = line.substr(eq + 1);
    }
    auto get = [&](const std::string& key) -> const std::string& {
        auto it = kv.find(key);
        if (it == kv.end())
            throw Error("model file '" + path + "' is damaged: its metadata lacks '" + key + "'");
        return it->second;
    };
    auto toInt = [&](const std::string& key) {
        try {
            return std::stoll(get(key));
        } catch (const std::logic_error&) {
            throw Error("model file '" + path + "' is damaged: bad value for '" + key + "'");
        }
    };
    auto toDouble = [&](const std::string& key) {
        try {
            return std::stod(get(key));
        } catch (const std::logic_error&) {
            throw Error("model file '" + path + "' is damaged: bad value for '" + key + "'");
        }
    };
    ModelInfo info;
    auto& c = info.config;
    for (const auto& name : configFieldNames()) {
        // A setting newer than the file takes its default, which is what the file was made with.
        if (isOptionalField(name) && !kv.count(name))
            continue;
        try {
            setConfigValue(c, name, get(name));
        } catch (const Error& e) {
            throw Error("model file '" + path + "' is damaged: " + e.what());
        }
    }
    info.normalization.mean = toDouble("normMean");
    info.normalization.stddev = toDouble("normStddev");
    auto toDoubles = [&](const std::string& key) {
        std::vector<double> values;
        std::istringstream is(get(key));
        try {
            for (std::string s; is >> s;)
                values.push_back(std::stod(s));
        } catch (const std::logic_error&) {
            throw Error("model file '" + path + "' is damaged: bad value for '" + key + "'");
        }
        return values;
    };
    info.calibration.goodScores = toDoubles("calGoodScores");
    if (kv.count("calPaintedScores"))  // absent in files made before they were measured
        info.calibration.paintedScores = toDoubles("calPaintedScores");
    info.calibration.mean = toDouble("calMean");
    info.calibration.stddev = toDouble("calStddev");
    info.calibration.maxPixel = toDouble("calMaxPixel");
    if (kv.count("calMapSize")) {  // only with standardiseMap: one value per pixel of a whole image
        const std::vector<double> mapSize = toDoubles("calMapSize");
        const double side = c.wholeImage() ? double(c.tileSize) : -1;
        if (mapSize.size() != 2 || mapSize[0] != side || mapSize[1] != side)
            throw Error("model file '" + path + "' is damaged: bad value for 'calMapSize'");
        auto grid = [&](const std::string& key, double least) {
            const std::vector<double> v = toDoubles(key);
            if (double(v.size()) != side * side
                || std::any_of(v.begin(), v.end(), [&](double x) { return !std::isfinite(x) || x < least; }))
                throw Error("model file '" + path + "' is damaged: bad value for '" + key + "'");
            const int w = int(mapSize[0]), h = int(mapSize[1]);
            cv::Mat m(h, w, CV_32F);
            std::transform(v.begin(), v.end(), m.begin<float>(), [](double x) { return float(x); });
            return m;
        };
        info.calibration.mapMean = grid("calMapMean", -1e30);
        info.calibration.mapStddev = grid("calMapStddev", 0);
    }
    info.training.dataRoot = get("trainDataRoot");
    info.training.imageCount = int(toInt("trainImageCount"));
    info.training.sourceWidth = int(toInt("trainSourceWidth"));
    info.training.sourceHeight = int(toInt("trainSourceHeight"));
    info.training.seconds = toDouble("trainSeconds");
    info.training.ieStepsDone = int(toInt("trainIeStepsDone"));
    info.training.expertStepsDone = int(toInt("trainExpertStepsDone"));
    if (kv.count("trainSegmenterStepsDone"))  // absent in files made before the segmenter
        info.training.segmenterStepsDone = int(toInt("trainSegmenterStepsDone"));
    return info;
}

void Model::save(const std::string& path) const
{
    std::string payload;
    auto section = [&](const std::string& name, const std::string& data) {
        putInt<std::uint32_t>(payload, std::uint32_t(name.size()));
        payload += name;
        putInt<std::uint64_t>(payload, data.size());
        payload += data;
    };
    section("info", infoToText(d->info));
    section("ie", moduleBytes(*d->ie));
    if (d->expert)
        section("expert", moduleBytes(*d->expert));
    if (d->segmenter)
        section("segmenter", moduleBytes(*d->segmenter));

    std::string header(kMagic, sizeof kMagic);
    putInt<std::uint32_t>(header, std::uint32_t(kModelFormatVersion));
    putInt<std::uint64_t>(header, payload.size());
    putInt<std::uint64_t>(header, fnv1a(payload));

    writeFileAtomically(path, header + payload);
}

std::unique_ptr<Model> Model::load(const std::string& path, Device device)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot open model file '" + path + "': " + std::strerror(errno));
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
        throw Error("'" + path + "' is not a UTAD model file (no UTADMDL1 header)");
    if (data.size() < kHeaderSize)
        throw Error("model file '" + path + "' is truncated (header incomplete)");
    const auto version = getInt<std::uint32_t>(data, 8);
    if (version > std::uint32_t(kModelFormatVersion))
        throw Error("model file '" + path + "' has format version " + std::to_string(version)
            + ", newer than this program reads (" + std::to_string(kModelFormatVersion) + "): update UTAD Workbench");
    if (version < 1)
        throw Error("model file '" + path + "' has an invalid format version 0");
    if (version < std::uint32_t(kModelFormatVersion))
        throw Error("model file '" + path + "' has format version " + std::to_string(version)
            + ", made by an earlier UTAD Workbench whose squashed 64 x 64 input this version "
              "replaced by tiles at the source aspect ratio: train the model again");
    const auto payloadSize = getInt<std::uint64_t>(data, 12);
    const auto checksum = getInt<std::uint64_t>(data, 20);
    if (data.size() - kHeaderSize < payloadSize)
        throw Error("model file '" + path + "' is truncated (" + std::to_string(data.size()) + " of "
            + std::to_string(payloadSize + kHeaderSize) + " bytes)");
    const std::string payload = data.substr(kHeaderSize, payloadSize);
    if (fnv1a(payload) != checksum)
        throw Error("model file '" + path + "' is corrupt (checksum mismatch)");

    std::map<std::string, std::string> sections;
    for (size_t pos = 0; pos < payload.size();) {
        auto damaged = [&] { return Error("model file '" + path + "' is damaged (bad section table)"); };
        if (payload.size() - pos < 4)
            throw damaged();
        const auto nameLen = getInt<std::uint32_t>(payload, pos);
        pos += 4;
        if (payload.size() - pos < std::uint64_t(nameLen) + 8)
            throw damaged();
        std::string name = payload.substr(pos, nameLen);
        pos += nameLen;
        const auto len = getInt<std::uint64_t>(payload, pos);
        pos += 8;
        if (payload.size() - pos < len)
            throw damaged();
        sections[name] = payload.substr(pos, len);
        pos += len;
    }
    auto need = [&](const std::string& name) -> const std::string& {
        auto it = sections.find(name);
        if (it == sections.end())
            throw Error("model file '" + path + "' is damaged: section '" + name + "' is missing");
        return it->second;
    };

    std::unique_ptr<Model> model(new Model());
    auto& d = *model->d;
    d.info = infoFromText(need("info"), path);
    d.info.formatVersion = int(version);
    try {
        checkConfig(d.info.config);
        d.build(device);
        auto loadModule = [&](torch::nn::Module& module, const std::string& name) {
            std::istringstream is(need(name));
            torch::serialize::InputArchive archive;
            archive.load_from(is, d.device);
            module.load(archive);
        };
        loadModule(*d.ie, "ie");
        if (d.expert)
            loadModule(*d.expert, "expert");
        if (d.segmenter)
            loadModule(*d.segmenter, "segmenter");
    } catch (const c10::Error& e) {
        throw Error("model file '" + path
            + "' has weights that do not fit its networks: " + std::string(e.what_without_backtrace()));
    } catch (const Error& e) {
        throw Error("model file '" + path + "': " + e.what());
    }
    d.setEval();
    d.trained = d.info.training.ieStepsDone > 0
        && (d.info.config.method != Method::TwoStage || d.info.training.expertStepsDone > 0);
    return model;
}

}  // namespace utad
