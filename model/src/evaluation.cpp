// Scoring a dataset with a model, the evaluation report (JSON) and the visual panels.
#include "utad/evaluation.h"
#include "utad/error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace utad {

namespace {

// Images handed to Model::inferBatch at once: large enough for the networks to batch their work,
// small enough to keep progress and cancellation responsive.
constexpr std::size_t kBatch = 8;

int labelValue(Label l) { return l == Label::Anomalous ? 1 : 0; }

std::string sanitize(const std::string& s)
{
    std::string out = s;
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || std::string("/\\:*?\"<>|").find(c) != std::string::npos)
            c = '-';
    return out;
}

std::string jsonString(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    return out + "\"";
}

std::string jsonNumber(double v)
{
    if (!std::isfinite(v))
        return "null";
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;  // shortest text that reads back exactly
    return std::string(buf, end);
}

std::string labelName(Label l)
{
    switch (l) {
    case Label::Good: return "good";
    case Label::Anomalous: return "anomalous";
    default: return "unknown";
    }
}

} // namespace

void writeTextFileAtomically(const std::string& path, const std::string& text)
{
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path())
        fs::create_directories(target.parent_path(), ec);
    std::random_device rd;
    const fs::path tmp = target.string() + ".tmp" + std::to_string(rd() % 1000000);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error("Cannot write " + path + ": cannot create " + tmp.string());
        out << text;
        out.flush();
        if (!out) {
            out.close();
            fs::remove(tmp, ec);
            throw Error("Cannot write " + path + " (disk full?)");
        }
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error("Cannot write " + path + ": " + ec.message());
    }
}

double proposedThreshold(const Calibration& calibration)
{
    return thresholdForFpr(calibration.goodScores, kProposedFpr);
}

EvalReport evaluate(const Model& model, const Dataset& dataset, const EvalCallbacks& callbacks)
{
    using Clock = std::chrono::steady_clock;
    EvalReport report;
    report.datasetRoot = dataset.root;
    report.method = methodName(model.info().config.method);
    report.proposedThreshold = proposedThreshold(model.info().calibration);

    const bool pixelMetrics = dataset.hasMasks();
    std::vector<double> scores;
    std::vector<int> labels;
    std::vector<cv::Mat> maps, masks;
    double inferSeconds = 0;
    const int total = int(dataset.test.size());
    int done = 0;

    for (std::size_t start = 0; start < dataset.test.size(); start += kBatch) {
        if (callbacks.isCancelled && callbacks.isCancelled()) {
            report.cancelled = true;
            break;
        }
        const std::size_t end = std::min(dataset.test.size(), start + kBatch);
        const auto t0 = Clock::now();
        std::vector<const Sample*> batch;
        std::vector<cv::Mat> images;
        for (std::size_t i = start; i < end; ++i) {
            const Sample& s = dataset.test[i];
            try {
                images.push_back(readImage(s));
                batch.push_back(&s);
            } catch (const Error& e) {
                report.results.push_back({s.path, s.label, s.defectType, kNaN, e.what()});
                report.metrics.skipped++;
            } catch (const std::exception& e) {  // e.g. OpenCV running out of memory on a huge file
                report.results.push_back({s.path, s.label, s.defectType, kNaN, "Cannot read " + s.path + ": " + e.what()});
                report.metrics.skipped++;
            }
        }
        std::vector<Inference> inferences;
        std::vector<std::string> errors(batch.size());
        try {
            inferences = model.inferBatch(images);
        } catch (const std::exception&) {
            // One bad image fails the whole batch: score them one by one to isolate it.
            inferences.assign(batch.size(), Inference());
            for (std::size_t k = 0; k < batch.size(); ++k) {
                try {
                    inferences[k] = model.infer(images[k]);
                } catch (const std::exception& e) {
                    errors[k] = "Cannot score " + batch[k]->path + ": " + e.what();
                }
            }
        }
        inferSeconds += std::chrono::duration<double>(Clock::now() - t0).count();

        for (std::size_t k = 0; k < batch.size(); ++k) {
            const Sample& s = *batch[k];
            if (!errors[k].empty()) {
                report.results.push_back({s.path, s.label, s.defectType, kNaN, errors[k]});
                report.metrics.skipped++;
                continue;
            }
            const Inference& inf = inferences[k];
            report.results.push_back({s.path, s.label, s.defectType, inf.score, ""});
            report.metrics.images++;
            if (s.label != Label::Unknown) {
                scores.push_back(inf.score);
                labels.push_back(labelValue(s.label));
            }
            // Good images without a mask are all-good pixels; a defective image whose mask is
            // missing says nothing reliable about its pixels and is left out.
            const cv::Mat& map = inf.anomalyMap.empty() ? inf.anomalyMapNet : inf.anomalyMap;
            if (pixelMetrics && s.label != Label::Unknown && !map.empty() &&
                (s.label == Label::Good || !s.maskPath.empty())) {
                try {
                    masks.push_back(readMask(s, map.size()));
                    maps.push_back(map);
                } catch (const Error& e) {
                    report.warnings.push_back(std::string(e.what()) + " (left out of pixel metrics)");
                }
            }
            if (callbacks.onImage)
                callbacks.onImage(s, inf);
        }
        done = int(end);
        if (callbacks.onProgress)
            callbacks.onProgress(done, total);
    }

    EvalMetrics& m = report.metrics;
    m.msPerImage = m.images > 0 ? 1000.0 * inferSeconds / m.images : 0.0;
    if (!scores.empty()) {
        m.imageAuroc = auroc(scores, labels);
        m.f1 = f1Max(scores, labels);
        if (std::isfinite(report.proposedThreshold))
            report.atProposed = confusionAt(scores, labels, report.proposedThreshold);
    }
    if (!maps.empty()) {
        m.pixelAuroc = pixelAuroc(maps, masks);
        m.aupro = aupro(maps, masks);
    }
    return report;
}

void writeEvalJson(const EvalReport& report, const std::string& path)
{
    const EvalMetrics& m = report.metrics;
    std::ostringstream js;
    js << "{\n";
    js << "  \"dataset\": " << jsonString(report.datasetRoot) << ",\n";
    js << "  \"method\": " << jsonString(report.method) << ",\n";
    js << "  \"image_auroc\": " << jsonNumber(m.imageAuroc) << ",\n";
    js << "  \"pixel_auroc\": " << jsonNumber(m.pixelAuroc) << ",\n";
    js << "  \"aupro\": " << jsonNumber(m.aupro) << ",\n";
    const bool hasF1 = std::isfinite(m.imageAuroc);
    js << "  \"f1_max\": " << (hasF1 ? jsonNumber(m.f1.f1) : "null") << ",\n";
    js << "  \"f1_threshold\": " << (hasF1 ? jsonNumber(m.f1.threshold) : "null") << ",\n";
    js << "  \"f1_precision\": " << (hasF1 ? jsonNumber(m.f1.precision) : "null") << ",\n";
    js << "  \"f1_recall\": " << (hasF1 ? jsonNumber(m.f1.recall) : "null") << ",\n";
    js << "  \"proposed_threshold\": " << jsonNumber(report.proposedThreshold) << ",\n";
    const Confusion& c = report.atProposed;
    js << "  \"at_proposed_threshold\": {\"tp\": " << c.tp << ", \"fp\": " << c.fp << ", \"tn\": " << c.tn
       << ", \"fn\": " << c.fn << "},\n";
    js << "  \"ms_per_image\": " << jsonNumber(m.msPerImage) << ",\n";
    js << "  \"image_count\": " << m.images << ",\n";
    js << "  \"skipped\": " << m.skipped << ",\n";
    js << "  \"cancelled\": " << (report.cancelled ? "true" : "false") << ",\n";
    js << "  \"warnings\": [";
    for (std::size_t i = 0; i < report.warnings.size(); ++i)
        js << (i ? ", " : "") << jsonString(report.warnings[i]);
    js << "],\n";
    js << "  \"images\": [";
    for (std::size_t i = 0; i < report.results.size(); ++i) {
        const ImageResult& r = report.results[i];
        js << (i ? ",\n" : "\n") << "    {\"path\": " << jsonString(r.path) << ", \"label\": " << jsonString(labelName(r.label))
           << ", \"defect_type\": " << jsonString(r.defectType) << ", \"score\": " << jsonNumber(r.score);
        if (!r.error.empty())
            js << ", \"error\": " << jsonString(r.error);
        js << "}";
    }
    js << (report.results.empty() ? "]\n" : "\n  ]\n");
    js << "}\n";
    writeTextFileAtomically(path, js.str());
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

} // namespace utad
