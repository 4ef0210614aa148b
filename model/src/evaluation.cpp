// Scoring a dataset with a model, sharding, the evaluation report (JSON) and the visual panels.
#include "utad/evaluation.h"

#include "utad/error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <set>

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace utad {

namespace {

// Images read ahead by the loading thread, and between two progress reports.
constexpr std::size_t kBatch = 8;

// Identifies a shard file, and the layout of its pixel histograms.
constexpr const char* kShardFormat = "utad-eval-shard";
constexpr int kShardVersion = 2;  // 2: pixel histograms by kind of image

int labelValue(Label l) { return l == Label::Anomalous ? 1 : 0; }

std::string sanitize(const std::string& s)
{
    std::string out = s;
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || std::string("/\\:*?\"<>|").find(c) != std::string::npos)
            c = '-';
    return out;
}

// A JSON number, or null for NaN and infinities (JSON has no such numbers).
Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }
double numberOr(const Json& j, double fallback = kNaN) { return j.is_number() ? j.get<double>() : fallback; }

// 64-bit FNV-1a: stable across machines, compilers and runs (std::hash is not).
std::uint64_t fnv1a64(const std::string& s)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// One test image as read by the loading thread: pixels, mask at the image's size, and problems.
struct Loaded {
    std::size_t index = 0;
    cv::Mat image, mask;
    std::string error;  // unusable: skipped with this message
    std::vector<std::string> warnings;
    bool pixelMetrics = false;  // counts in the pixel metrics
};

Loaded load(const Sample& s, std::size_t index, bool pixelMetrics)
{
    Loaded l;
    l.index = index;
    try {
        l.image = readImage(s);
        ImageCheck check = checkImage(l.image, s.path);
        l.warnings = std::move(check.warnings);
        if (!check.skipReason.empty()) {
            l.error = check.skipReason;
            l.image.release();
            return l;
        }
    } catch (const Error& e) {
        l.error = e.what();
        return l;
    } catch (const std::exception& e) {  // e.g. OpenCV running out of memory on a huge file
        l.error = "Cannot read " + s.path + ": " + e.what();
        return l;
    }
    // Good images without a mask are all-good pixels; a defective image whose mask is missing says
    // nothing reliable about its pixels and is left out. The anomaly map has the image's size.
    if (pixelMetrics && s.label != Label::Unknown && (s.label == Label::Good || !s.maskPath.empty())) {
        try {
            std::string warning;
            l.mask = readMask(s, l.image.size(), &warning);
            if (!warning.empty())
                l.warnings.push_back(warning);
            l.pixelMetrics = true;
        } catch (const std::exception& e) {
            l.warnings.push_back(std::string(e.what()) + " (left out of pixel metrics)");
        }
    }
    return l;
}

Json imageJson(const ImageResult& r, bool withIndex)
{
    Json j;
    j["path"] = r.path;
    j["label"] = labelText(r.label);
    j["defect_type"] = r.defectType;
    j["score"] = number(r.score);
    if (!r.error.empty())
        j["error"] = r.error;
    if (withIndex)
        j["index"] = r.index;
    return j;
}

// A histogram as [bin, count, bin, count, ...] over its nonzero bins.
Json sparse(const std::vector<std::uint64_t>& histogram)
{
    Json a = Json::array();
    for (std::size_t b = 0; b < histogram.size(); ++b)
        if (histogram[b] != 0) {
            a.push_back(b);
            a.push_back(histogram[b]);
        }
    return a;
}

std::vector<std::uint64_t> dense(const Json& a, const std::string& path)
{
    std::vector<std::uint64_t> h(std::size_t(PixelMetrics::kBins), 0);
    if (!a.is_array() || a.size() % 2 != 0)
        throw Error("Corrupt shard file " + path + ": malformed pixel histogram");
    for (std::size_t i = 0; i < a.size(); i += 2) {
        const auto b = a[i].get<std::uint64_t>();
        if (b >= h.size())
            throw Error("Corrupt shard file " + path + ": histogram bin " + std::to_string(b) + " out of range");
        h[b] += a[i + 1].get<std::uint64_t>();
    }
    return h;
}

Json pixelsJson(const PixelMetrics& p)
{
    Json j;
    j["bins_per_octave"] = PixelMetrics::kBinsPerOctave;
    j["low_exponent"] = PixelMetrics::kLowExponent;
    j["high_exponent"] = PixelMetrics::kHighExponent;
    j["overlap_fraction_bits"] = PixelMetrics::kOverlapFractionBits;
    j["regions"] = p.regions();
    j["images"] = p.images();
    j["good"] = sparse(p.goodHistogram());
    j["defect"] = sparse(p.defectHistogram());
    j["overlap"] = sparse(p.overlapHistogram());
    return j;
}

PixelMetrics pixelsFromJson(const Json& j, const std::string& path)
{
    if (j.value("bins_per_octave", 0) != PixelMetrics::kBinsPerOctave
        || j.value("low_exponent", 0) != PixelMetrics::kLowExponent
        || j.value("high_exponent", 0) != PixelMetrics::kHighExponent
        || j.value("overlap_fraction_bits", 0) != PixelMetrics::kOverlapFractionBits)
        throw Error("Shard file " + path + " bins its pixel histograms differently (written by another version)");
    try {
        return PixelMetrics::fromState(dense(j.at("good"), path), dense(j.at("defect"), path),
            dense(j.at("overlap"), path), j.at("regions").get<std::uint64_t>(), j.at("images").get<std::uint64_t>());
    } catch (const Error& e) {
        throw Error("Shard file " + path + ": " + e.what());
    }
}

// SSIM(x, x_hat) and SSIM(x, m) of one good image at working resolution.
void addFidelity(Fidelity& f, const Inference& inf)
{
    if (inf.input.empty() || inf.reconstruction.empty() || inf.impression.empty())
        return;
    f.add(meanSsim(inf.input, inf.reconstruction), meanSsim(inf.input, inf.impression));
}

bool sameNumber(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

}  // namespace

void Fidelity::add(double ssimReconstruction, double ssimImpression)
{
    const auto units
        = [](double v) { return std::int64_t(std::llround(std::ldexp(std::clamp(v, -1.0, 1.0), kFractionBits))); };
    images++;
    sumReconstruction += units(ssimReconstruction);
    sumImpression += units(ssimImpression);
    reconstructionCloser += ssimReconstruction > ssimImpression;
}

double Fidelity::meanReconstruction() const
{
    return images > 0 ? std::ldexp(double(sumReconstruction), -kFractionBits) / images : kNaN;
}

double Fidelity::meanImpression() const
{
    return images > 0 ? std::ldexp(double(sumImpression), -kFractionBits) / images : kNaN;
}

void Fidelity::add(const Fidelity& other)
{
    images += other.images;
    sumReconstruction += other.sumReconstruction;
    sumImpression += other.sumImpression;
    reconstructionCloser += other.reconstructionCloser;
}

Shard parseShard(const std::string& text)
{
    const auto slash = text.find('/');
    Shard s;
    try {
        std::size_t used1 = 0, used2 = 0;
        if (slash == std::string::npos)
            throw Error("");
        s.index = std::stoi(text.substr(0, slash), &used1);
        s.count = std::stoi(text.substr(slash + 1), &used2);
        if (used1 != slash || used2 != text.size() - slash - 1)
            throw Error("");
    } catch (const std::exception&) {
        throw Error("a shard is K/N with whole numbers 1 <= K <= N (e.g. 2/4), got '" + text + "'");
    }
    if (s.count < 1 || s.index < 1 || s.index > s.count || s.count > 100000)
        throw Error("a shard is K/N with whole numbers 1 <= K <= N (e.g. 2/4), got '" + text + "'");
    return s;
}

std::string shardKey(const std::string& path, const std::string& root)
{
    const std::string idx = kIdxPrefix;
    if (path.compare(0, idx.size(), idx) == 0)
        return fs::path(path.substr(idx.size())).filename().string();  // "t10k-images-idx3-ubyte.gz#123"
    if (!root.empty()) {
        const fs::path rel = fs::path(path).lexically_relative(root);
        if (!rel.empty() && *rel.begin() != "..")
            return rel.generic_string();
    }
    return fs::path(path).generic_string();
}

bool inShard(const std::string& key, const Shard& shard)
{
    return shard.count <= 1 || int(fnv1a64(key) % std::uint64_t(shard.count)) == shard.index - 1;
}

namespace {

// The threshold between the calibration's good and painted scores; NaN without painted scores or
// where they do not separate.
double balancedCalibrationThreshold(const Calibration& calibration)
{
    return balancedThreshold(calibration.goodScores, calibration.paintedScores, kFalseAlarmWeight);
}

}  // namespace

double proposedThreshold(const Calibration& calibration)
{
    // Measured on battery-weld, painted welds, textures and Fashion-MNIST (docs/BENCHMARKS.md): where
    // good and defective scores overlap, the percentile flagged almost no defect.
    const double balanced = balancedCalibrationThreshold(calibration);
    return std::isfinite(balanced) ? balanced : thresholdForFpr(calibration.goodScores, kProposedFpr);
}

double proposedPixelThreshold(const Calibration& calibration)
{
    const double balanced = balancedCalibrationThreshold(calibration);
    return std::isfinite(balanced) ? balanced : calibration.maxPixel;
}

bool proposedFromPaintedDefects(const Calibration& calibration)
{
    return std::isfinite(balancedCalibrationThreshold(calibration));
}

std::vector<DefectTypeFigures> defectTypeFigures(const std::vector<ImageResult>& results, const F1Max& f1)
{
    std::vector<double> good;
    std::map<std::string, std::vector<double>> defective;
    for (const ImageResult& r : results) {
        if (!r.error.empty())
            continue;
        if (r.label == Label::Good)
            good.push_back(r.score);
        else if (r.label == Label::Anomalous)
            defective[r.defectType].push_back(r.score);
    }
    std::vector<DefectTypeFigures> figures;
    for (const auto& [type, scores] : defective) {
        DefectTypeFigures t;
        t.type = type;
        t.images = int(scores.size());
        if (!good.empty()) {
            std::vector<double> s = good;
            s.insert(s.end(), scores.begin(), scores.end());
            std::vector<int> labels(good.size(), 0);
            labels.resize(s.size(), 1);
            t.imageAuroc = auroc(s, labels);
        }
        t.foundAtF1 = int(std::count_if(scores.begin(), scores.end(), [&](double v) { return v >= f1.threshold; }));
        figures.push_back(t);
    }
    return figures;
}

void finishMetrics(EvalReport& report)
{
    std::vector<double> scores;
    std::vector<int> labels;
    for (const ImageResult& r : report.results)
        if (r.error.empty() && r.label != Label::Unknown) {
            scores.push_back(r.score);
            labels.push_back(labelValue(r.label));
        }
    EvalMetrics& m = report.metrics;
    m.imageAuroc = kNaN;
    m.f1 = {};
    report.atProposed = {};
    if (!scores.empty()) {
        m.imageAuroc = auroc(scores, labels);
        m.f1 = f1Max(scores, labels);
        if (std::isfinite(report.proposedThreshold))
            report.atProposed = confusionAt(scores, labels, report.proposedThreshold);
    }
    m.byDefectType = defectTypeFigures(report.results, m.f1);
    if (report.pixelsByTypeKept) {
        const auto good = report.pixelsByType.find(kGoodPixels);
        for (DefectTypeFigures& t : m.byDefectType) {
            const auto kind = report.pixelsByType.find(t.type);
            if (kind == report.pixelsByType.end() || t.type == kGoodPixels)
                continue;
            PixelMetrics both = kind->second;
            if (good != report.pixelsByType.end())
                both.merge(good->second);
            t.pixelAuroc = both.auroc();
            t.aupro = both.aupro();
        }
    }
    const PixelMetrics& p = report.pixels;
    m.pixelAuroc = p.auroc();
    m.pixelAurocMaxError = p.aurocMaxError();
    m.aupro = p.aupro();
    m.auproMaxError = p.auproMaxError();
    m.pixelF1 = p.defectPixels() > 0 ? p.f1Max() : F1Max();
    report.pixelsAtProposed = {};
    if (p.defectPixels() > 0 && std::isfinite(report.proposedPixelThreshold))
        report.pixelsAtProposed = p.at(report.proposedPixelThreshold);
}

EvalReport evaluate(const Model& model, const Dataset& dataset, const EvalCallbacks& callbacks, const Shard& shard)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    EvalReport report;
    report.datasetRoot = dataset.root;
    report.method = methodName(model.info().config.method);
    report.proposedThreshold = proposedThreshold(model.info().calibration);
    if (const double pixel = proposedPixelThreshold(model.info().calibration); pixel > 0)
        report.proposedPixelThreshold = pixel;
    report.shard = shard;
    report.datasetImages = int(dataset.test.size());

    std::vector<std::size_t> selected;
    for (std::size_t i = 0; i < dataset.test.size(); ++i)
        if (inShard(shardKey(dataset.test[i].path, dataset.root), shard))
            selected.push_back(i);

    const bool pixelMetrics = dataset.hasMasks();
    const auto loadBatch = [&](std::size_t first) {
        std::vector<Loaded> batch;
        for (std::size_t k = first; k < std::min(selected.size(), first + kBatch); ++k)
            batch.push_back(load(dataset.test[selected[k]], selected[k], pixelMetrics));
        return batch;
    };
    double inferSeconds = 0;
    const int total = int(selected.size());
    // The next batch is read and decoded on a second thread while this one is inferred.
    std::future<std::vector<Loaded>> next;
    if (!selected.empty())
        next = std::async(std::launch::async, loadBatch, std::size_t(0));

    for (std::size_t first = 0; first < selected.size(); first += kBatch) {
        std::vector<Loaded> batch = next.get();
        if (callbacks.isCancelled && callbacks.isCancelled()) {
            report.cancelled = true;
            break;
        }
        if (first + kBatch < selected.size())
            next = std::async(std::launch::async, loadBatch, first + kBatch);

        // Results in the dataset's order, whatever fails where.
        std::vector<ImageResult> results(batch.size());
        std::vector<cv::Mat> images;
        std::vector<std::size_t> usable;  // positions in `batch`
        for (std::size_t k = 0; k < batch.size(); ++k) {
            const Loaded& l = batch[k];
            const Sample& s = dataset.test[l.index];
            report.warnings.insert(report.warnings.end(), l.warnings.begin(), l.warnings.end());
            results[k] = {s.path, s.label, s.defectType, kNaN, l.error, l.index};
            if (l.error.empty()) {
                images.push_back(l.image);
                usable.push_back(k);
            }
        }
        // One image at a time: batching several images changes the last digits of their scores
        // with the company they keep, and a shard must score an image exactly as a whole run does.
        const auto t0 = Clock::now();
        std::vector<Inference> inferences(usable.size());
        for (std::size_t u = 0; u < usable.size(); ++u) {
            try {
                inferences[u] = model.infer(images[u]);
            } catch (const std::exception& e) {
                results[usable[u]].error = "Cannot score " + results[usable[u]].path + ": " + e.what();
            }
        }
        inferSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
        images.clear();

        for (std::size_t u = 0; u < usable.size(); ++u) {
            const Loaded& l = batch[usable[u]];
            if (!results[usable[u]].error.empty())
                continue;
            const Inference& inf = inferences[u];
            results[usable[u]].score = inf.score;
            report.metrics.images++;
            if (dataset.test[l.index].label == Label::Good)
                addFidelity(report.metrics.fidelity, inf);
            const cv::Mat& map = inf.anomalyMap.empty() ? inf.anomalyMapNet : inf.anomalyMap;
            if (l.pixelMetrics && !map.empty()) {
                cv::Mat mask = l.mask;
                if (!mask.empty() && mask.size() != map.size())
                    cv::resize(mask, mask, map.size(), 0, 0, cv::INTER_NEAREST);
                const Sample& s = dataset.test[l.index];
                report.pixelsByType[s.label == Label::Good ? kGoodPixels : s.defectType].add(map, mask);
            }
            if (callbacks.onImage)
                callbacks.onImage(dataset.test[l.index], inf);
        }
        for (ImageResult& r : results) {
            report.metrics.skipped += !r.error.empty();
            report.results.push_back(std::move(r));
        }
        if (callbacks.onProgress)
            callbacks.onProgress(int(std::min(selected.size(), first + kBatch)), total);
    }

    // Every image with pixel figures is in one kind's accumulator: together they are all the pixels.
    for (const auto& [type, pixels] : report.pixelsByType)
        report.pixels.merge(pixels);
    EvalMetrics& m = report.metrics;
    m.msPerImage = m.images > 0 ? 1000.0 * inferSeconds / m.images : 0.0;
    m.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    finishMetrics(report);
    return report;
}

void writeEvalJson(const EvalReport& report, const std::string& path, bool asShard)
{
    const EvalMetrics& m = report.metrics;
    const bool shard = asShard || !report.shard.whole();
    Json j;
    j["dataset"] = report.datasetRoot;
    j["method"] = report.method;
    j["image_auroc"] = number(m.imageAuroc);
    j["pixel_auroc"] = number(m.pixelAuroc);
    j["aupro"] = number(m.aupro);
    const bool hasF1 = std::isfinite(m.imageAuroc);
    j["f1_max"] = hasF1 ? number(m.f1.f1) : Json(nullptr);
    j["f1_threshold"] = hasF1 ? number(m.f1.threshold) : Json(nullptr);
    j["f1_precision"] = hasF1 ? number(m.f1.precision) : Json(nullptr);
    j["f1_recall"] = hasF1 ? number(m.f1.recall) : Json(nullptr);
    j["proposed_threshold"] = number(report.proposedThreshold);
    const Confusion& c = report.atProposed;
    j["at_proposed_threshold"] = {{"tp", c.tp}, {"fp", c.fp}, {"tn", c.tn}, {"fn", c.fn}};
    const bool hasPixels = std::isfinite(m.pixelAuroc);
    j["pixel_auroc_max_error"] = number(m.pixelAurocMaxError);
    j["aupro_max_error"] = number(m.auproMaxError);
    j["pixel_f1_max"] = hasPixels ? number(m.pixelF1.f1) : Json(nullptr);
    j["pixel_f1_threshold"] = hasPixels ? number(m.pixelF1.threshold) : Json(nullptr);
    j["proposed_pixel_threshold"] = number(report.proposedPixelThreshold);
    const PixelMetrics::Rates& pr = report.pixelsAtProposed;
    j["pixels_at_proposed_threshold"] = hasPixels
        ? Json{{"precision", number(pr.precision)}, {"recall", number(pr.recall)},
            {"false_positive_rate", number(pr.falsePositiveRate)}}
        : Json(nullptr);
    const Fidelity& f = m.fidelity;
    j["fidelity"] = {{"good_images", f.images}, {"ssim_input_reconstruction", number(f.meanReconstruction())},
        {"ssim_input_impression", number(f.meanImpression())}, {"reconstruction_closer", f.reconstructionCloser}};
    Json types = Json::array();
    for (const DefectTypeFigures& t : m.byDefectType)
        types.push_back({{"type", t.type}, {"images", t.images}, {"image_auroc", number(t.imageAuroc)},
            {"found_at_f1_threshold", hasF1 ? Json(t.foundAtF1) : Json(nullptr)}, {"pixel_auroc", number(t.pixelAuroc)},
            {"aupro", number(t.aupro)}});
    j["by_defect_type"] = std::move(types);
    j["ms_per_image"] = number(m.msPerImage);
    j["images_per_second"] = number(m.imagesPerSecond());
    j["image_count"] = m.images;
    j["skipped"] = m.skipped;
    j["cancelled"] = report.cancelled;
    j["warnings"] = report.warnings;
    Json images = Json::array();
    for (const ImageResult& r : report.results)
        images.push_back(imageJson(r, shard));
    j["images"] = std::move(images);
    if (!shard) {
        writeFileAtomically(path, j.dump(2) + "\n");
        return;
    }
    j["shard"] = {{"format", kShardFormat}, {"version", kShardVersion}, {"index", report.shard.index},
        {"count", report.shard.count}, {"dataset_images", report.datasetImages}, {"seconds", m.seconds},
        {"fidelity_sums", {f.sumReconstruction, f.sumImpression}}, {"pixel_histograms", pixelsJson(report.pixels)}};
    Json byType = Json::array();
    for (const auto& [type, pixels] : report.pixelsByType)
        byType.push_back(type == kGoodPixels ? Json{{"good_images", true}, {"histograms", pixelsJson(pixels)}}
                                             : Json{{"type", type}, {"histograms", pixelsJson(pixels)}});
    j["shard"]["pixel_histograms_by_type"] = std::move(byType);
    writeFileAtomically(path, j.dump() + "\n");
}

EvalReport readShardJson(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("Cannot open shard file " + path);
    Json j;
    try {
        j = Json::parse(in);
    } catch (const std::exception& e) {
        throw Error("Shard file " + path + " is not valid JSON: " + e.what());
    }
    if (!j.is_object() || !j.contains("shard") || j["shard"].value("format", "") != kShardFormat)
        throw Error(path + " is not a shard file (written by `utad eval --shard K/N --json FILE`)");
    const Json& sh = j["shard"];
    if (sh.value("version", 0) > kShardVersion)
        throw Error("Shard file " + path + " was written by a newer version (format "
            + std::to_string(sh.value("version", 0)) + ")");
    EvalReport r;
    try {
        r.datasetRoot = j.at("dataset").get<std::string>();
        r.method = j.at("method").get<std::string>();
        r.proposedThreshold = numberOr(j.at("proposed_threshold"));
        if (j.contains("proposed_pixel_threshold"))  // absent in shards of earlier versions
            r.proposedPixelThreshold = numberOr(j.at("proposed_pixel_threshold"));
        r.shard.index = sh.at("index").get<int>();
        r.shard.count = sh.at("count").get<int>();
        r.datasetImages = sh.at("dataset_images").get<int>();
        r.cancelled = j.at("cancelled").get<bool>();
        r.warnings = j.at("warnings").get<std::vector<std::string>>();
        EvalMetrics& m = r.metrics;
        m.images = j.at("image_count").get<int>();
        m.skipped = j.at("skipped").get<int>();
        m.msPerImage = numberOr(j.at("ms_per_image"), 0.0);
        m.seconds = sh.at("seconds").get<double>();
        const Json& f = j.at("fidelity");
        m.fidelity.images = f.at("good_images").get<int>();
        m.fidelity.reconstructionCloser = f.at("reconstruction_closer").get<int>();
        m.fidelity.sumReconstruction = sh.at("fidelity_sums").at(0).get<std::int64_t>();
        m.fidelity.sumImpression = sh.at("fidelity_sums").at(1).get<std::int64_t>();
        for (const Json& img : j.at("images")) {
            ImageResult res;
            res.path = img.at("path").get<std::string>();
            res.label = labelFromText(img.at("label").get<std::string>());
            res.defectType = img.at("defect_type").get<std::string>();
            res.score = numberOr(img.at("score"));
            res.error = img.value("error", "");
            res.index = img.at("index").get<std::size_t>();
            r.results.push_back(std::move(res));
        }
    } catch (const Json::exception& e) {
        throw Error("Corrupt shard file " + path + ": " + e.what());
    }
    r.pixels = pixelsFromJson(sh.at("pixel_histograms"), path);
    r.pixelsByTypeKept = sh.contains("pixel_histograms_by_type");
    if (r.pixelsByTypeKept) {
        try {
            for (const Json& t : sh.at("pixel_histograms_by_type"))
                r.pixelsByType[t.value("good_images", false) ? kGoodPixels : t.at("type").get<std::string>()]
                    = pixelsFromJson(t.at("histograms"), path);
        } catch (const Json::exception& e) {
            throw Error("Corrupt shard file " + path + ": " + e.what());
        }
    }
    finishMetrics(r);
    return r;
}

EvalReport mergeShards(const std::vector<EvalReport>& shards)
{
    if (shards.empty())
        throw Error("No shards to merge");
    const EvalReport& first = shards.front();
    EvalReport merged;
    merged.datasetRoot = first.datasetRoot;
    merged.method = first.method;
    merged.proposedThreshold = first.proposedThreshold;
    merged.proposedPixelThreshold = first.proposedPixelThreshold;
    merged.datasetImages = first.datasetImages;
    std::set<int> seen;
    std::set<std::string> warnings, roots{first.datasetRoot};
    double inferMs = 0;
    for (const EvalReport& s : shards) {
        const std::string name = "shard " + s.shard.text();
        if (s.shard.count != first.shard.count)
            throw Error("Cannot merge a split into " + std::to_string(s.shard.count) + " (" + name + ") with one into "
                + std::to_string(first.shard.count) + " (shard " + first.shard.text() + ")");
        if (!seen.insert(s.shard.index).second)
            throw Error("Shard " + s.shard.text() + " is given twice");
        if (s.method != first.method || !sameNumber(s.proposedThreshold, first.proposedThreshold))
            throw Error("Shards " + first.shard.text() + " and " + s.shard.text()
                + " were scored with different models (method or proposed threshold differ)");
        if (s.datasetImages != first.datasetImages)
            throw Error("Shards " + first.shard.text() + " and " + s.shard.text() + " come from different datasets ("
                + std::to_string(first.datasetImages) + " and " + std::to_string(s.datasetImages) + " test images)");
        if (roots.insert(s.datasetRoot).second)
            merged.warnings.push_back("Shard " + s.shard.text() + " read the dataset at " + s.datasetRoot + ", shard "
                + first.shard.text() + " at " + first.datasetRoot);
        for (const std::string& w : s.warnings)  // every shard reports the dataset's own warnings
            if (warnings.insert(w).second)
                merged.warnings.push_back(w);
        merged.results.insert(merged.results.end(), s.results.begin(), s.results.end());
        merged.pixels.merge(s.pixels);
        merged.pixelsByTypeKept = merged.pixelsByTypeKept && s.pixelsByTypeKept;
        for (const auto& [type, pixels] : s.pixelsByType)
            merged.pixelsByType[type].merge(pixels);
        merged.cancelled = merged.cancelled || s.cancelled;
        EvalMetrics& m = merged.metrics;
        m.images += s.metrics.images;
        m.skipped += s.metrics.skipped;
        m.seconds += s.metrics.seconds;
        m.fidelity.add(s.metrics.fidelity);
        inferMs += s.metrics.msPerImage * s.metrics.images;
    }
    std::vector<int> missing;
    for (int k = 1; k <= first.shard.count; ++k)
        if (!seen.count(k))
            missing.push_back(k);
    if (!missing.empty()) {
        std::string list;
        for (int k : missing)
            list += (list.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(first.shard.count);
        throw Error("Missing shard" + std::string(missing.size() > 1 ? "s " : " ") + list);
    }
    std::stable_sort(merged.results.begin(), merged.results.end(),
        [](const ImageResult& a, const ImageResult& b) { return a.index < b.index; });
    for (std::size_t i = 1; i < merged.results.size(); ++i)
        if (merged.results[i].index == merged.results[i - 1].index)
            throw Error("Image " + merged.results[i].path + " is in two shards");
    merged.metrics.msPerImage = merged.metrics.images > 0 ? inferMs / merged.metrics.images : 0.0;
    finishMetrics(merged);
    return merged;
}

cv::Mat toBgr8(const cv::Mat& image01)
{
    if (image01.empty())
        return {};
    cv::Mat img8;
    if (image01.depth() == CV_8U)
        img8 = image01;
    else
        image01.convertTo(img8, CV_8U, 255.0);  // saturates outside [0, 1]
    cv::Mat out;
    if (img8.channels() == 1)
        cv::cvtColor(img8, out, cv::COLOR_GRAY2BGR);
    else if (img8.channels() == 4)
        cv::cvtColor(img8, out, cv::COLOR_BGRA2BGR);
    else
        out = img8.clone();
    return out;
}

double heatmapScale(const ModelInfo& info)
{
    const double hint = info.calibration.maxPixel;
    return hint > 0 && std::isfinite(hint) ? 1.25 * hint : 0.0;
}

cv::Mat heatmapBgr(const cv::Mat& map, double maxValue)
{
    if (map.empty())
        return {};
    cv::Mat m;
    map.convertTo(m, CV_32F);
    if (!(maxValue > 0)) {
        double lo = 0;
        cv::minMaxLoc(m, &lo, &maxValue);
        if (!(maxValue > 0))
            maxValue = 1;
    }
    cv::Mat m8, out;
    m.convertTo(m8, CV_8U, 255.0 / maxValue);
    cv::applyColorMap(m8, out, cv::COLORMAP_JET);
    return out;
}

std::string panelStem(const Sample& sample)
{
    const std::string prefix = kIdxPrefix;
    if (sample.path.compare(0, prefix.size(), prefix) == 0) {
        const auto hash = sample.path.rfind('#');
        const std::string index = hash == std::string::npos ? sample.path : sample.path.substr(hash + 1);
        return sanitize(sample.defectType.empty() ? index : sample.defectType + "_" + index);
    }
    const std::string stem = fs::path(sample.path).stem().string();
    return sanitize(sample.defectType.empty() ? stem : sample.defectType + "_" + stem);
}

void writePanels(const Sample& sample, const Inference& inference, const std::string& dir, double heatMax)
{
    writePanels(panelStem(sample), inference, dir, heatMax);
}

void writePanels(const std::string& stem, const Inference& inference, const std::string& dir, double heatMax)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (!fs::is_directory(dir))
        throw Error("Cannot create output folder " + dir + (ec ? ": " + ec.message() : ""));
    const cv::Mat panels[4] = {toBgr8(inference.input), toBgr8(inference.impression), toBgr8(inference.reconstruction),
        heatmapBgr(inference.anomalyMapNet.empty() ? inference.anomalyMap : inference.anomalyMapNet, heatMax)};
    for (int i = 0; i < 4; ++i) {
        if (panels[i].empty())
            continue;
        const std::string path = (fs::path(dir) / (stem + "_" + kPanelNames[i] + ".png")).string();
        bool ok = false;
        try {
            ok = cv::imwrite(path, panels[i]);
        } catch (const cv::Exception&) {
            ok = false;
        }
        if (!ok)
            throw Error("Cannot write " + path);
    }
}

}  // namespace utad
