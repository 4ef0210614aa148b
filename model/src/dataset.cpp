// Dataset discovery (MVTec AD layout, plain folders, IDX files) and image/mask loading.
#include "utad/dataset.h"

#include "utad/error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <set>
#include <system_error>
#include <zlib.h>

namespace fs = std::filesystem;

namespace utad {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool isDirectory(const fs::path& p)
{
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// Sorted subfolders / image files of `dir`, hidden entries skipped. Sorting by name keeps every
// listing (and so every training run and report) deterministic.
std::vector<fs::path> listEntries(const fs::path& dir, bool folders)
{
    std::vector<fs::path> out;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec)
        throw Error("Cannot list folder " + dir.string() + ": " + ec.message());
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.')
            continue;
        std::error_code typeEc;
        if (folders ? entry.is_directory(typeEc) : (entry.is_regular_file(typeEc) && isImageFile(name)))
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<fs::path> listImages(const fs::path& dir) { return listEntries(dir, false); }
std::vector<fs::path> listFolders(const fs::path& dir) { return listEntries(dir, true); }

Sample fileSample(const fs::path& path, Label label, const std::string& defectType)
{
    Sample s;
    s.path = path.string();
    s.label = label;
    s.defectType = defectType;
    return s;
}

// ---- MVTec AD layout ---------------------------------------------------------------------------

bool looksLikeMvtec(const fs::path& root) { return isDirectory(root / "train") || isDirectory(root / "test"); }

// The mask of `image` in `gtDir`: NAME_mask.png (MVTec AD) or NAME.png / the same file name.
fs::path findMask(const fs::path& gtDir, const fs::path& image)
{
    const std::string stem = image.stem().string();
    for (const fs::path& candidate :
        {gtDir / (stem + "_mask.png"), gtDir / (stem + ".png"), gtDir / image.filename()}) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec))
            return candidate;
    }
    return {};
}

Dataset openMvtec(const fs::path& root)
{
    Dataset ds;
    ds.root = root.string();
    ds.kind = DatasetKind::MVTec;

    const fs::path trainDir = root / "train";
    if (isDirectory(trainDir)) {
        if (!isDirectory(trainDir / "good"))
            throw Error("Wrong dataset layout in " + root.string()
                + ": train/ has no good/ folder (MVTec AD layout: train/good, test/good, test/<defect>, "
                  "ground_truth/<defect>)");
        for (const auto& p : listImages(trainDir / "good"))
            ds.train.push_back(fileSample(p, Label::Good, "good"));
        if (ds.train.empty())
            throw Error("No training images in " + (trainDir / "good").string());
        if (!listImages(trainDir).empty())
            ds.warnings.push_back("Images directly in " + trainDir.string() + " are ignored (expected in train/good)");
    }

    const fs::path testDir = root / "test";
    const fs::path gtRoot = root / "ground_truth";
    if (isDirectory(testDir)) {
        if (!listImages(testDir).empty())
            throw Error("Wrong dataset layout in " + root.string()
                + ": test/ holds images directly; expected test/good and test/<defect> folders");
        std::vector<fs::path> types = listFolders(testDir);
        // "good" first, then the defect types in name order.
        std::stable_partition(types.begin(), types.end(), [](const fs::path& p) { return p.filename() == "good"; });
        std::set<fs::path> usedMasks;
        for (const auto& typeDir : types) {
            const std::string type = typeDir.filename().string();
            const bool good = type == "good";
            const fs::path gtDir = gtRoot / type;
            for (const auto& p : listImages(typeDir)) {
                Sample s = fileSample(p, good ? Label::Good : Label::Anomalous, type);
                if (!good && isDirectory(gtDir)) {
                    const fs::path mask = findMask(gtDir, p);
                    if (mask.empty())
                        ds.warnings.push_back("No mask for " + p.string() + " in " + gtDir.string());
                    else {
                        s.maskPath = mask.string();
                        usedMasks.insert(mask);
                    }
                }
                ds.test.push_back(std::move(s));
            }
        }
        if (isDirectory(gtRoot)) {
            for (const auto& gtDir : listFolders(gtRoot))
                for (const auto& mask : listImages(gtDir))
                    if (!usedMasks.count(mask))
                        ds.warnings.push_back("Mask without image (ignored): " + mask.string());
        }
    }
    if (ds.train.empty() && ds.test.empty())
        throw Error("No images in " + root.string() + ": train/good and test/<type> are empty");
    return ds;
}

// ---- IDX (MNIST / Fashion-MNIST) ---------------------------------------------------------------

const std::array<const char*, 10> kFashionNames
    = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};

// Reads a whole file, gunzipping it when compressed (zlib reads plain files transparently).
std::vector<unsigned char> readMaybeGzip(const fs::path& path)
{
    gzFile f = gzopen(path.string().c_str(), "rb");
    if (!f)
        throw Error("Cannot open IDX file " + path.string());
    std::vector<unsigned char> data;
    std::array<unsigned char, 1 << 16> buf;
    for (;;) {
        const int n = gzread(f, buf.data(), unsigned(buf.size()));
        if (n < 0) {
            int code = 0;
            const std::string msg = gzerror(f, &code);
            gzclose(f);
            throw Error("Corrupt IDX file " + path.string() + ": " + msg);
        }
        if (n == 0)
            break;
        data.insert(data.end(), buf.begin(), buf.begin() + n);
    }
    // A truncated gzip stream ends early without an error from gzread; gzclose reports it.
    const int closeCode = gzclose(f);
    if (closeCode != Z_OK)
        throw Error(
            "Corrupt or truncated IDX file " + path.string() + " (gzip error " + std::to_string(closeCode) + ")");
    return data;
}

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

fs::path findIdxFile(const fs::path& dir, const std::string& base)
{
    for (const fs::path& p : {dir / (base + ".gz"), dir / base}) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec))
            return p;
    }
    throw Error("IDX dataset " + dir.string() + " lacks " + base + "(.gz)");
}

struct IdxImages {
    cv::Mat all;  // count x (rows*cols), CV_8U
    int rows = 0, cols = 0;
};

IdxImages readIdxImages(const fs::path& path)
{
    const auto data = readMaybeGzip(path);
    if (data.size() < 16 || bigEndian32(data.data()) != 0x00000803)
        throw Error("Not an IDX image file (magic 0x00000803 expected): " + path.string());
    const std::uint32_t count = bigEndian32(&data[4]), rows = bigEndian32(&data[8]), cols = bigEndian32(&data[12]);
    if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096 || count > (1u << 24))
        throw Error("Implausible IDX image dimensions in " + path.string());
    const std::size_t need = 16 + std::size_t(count) * rows * cols;
    if (data.size() < need)
        throw Error("Truncated IDX image file " + path.string() + ": " + std::to_string(data.size()) + " bytes, "
            + std::to_string(need) + " expected");
    IdxImages out;
    out.rows = int(rows);
    out.cols = int(cols);
    out.all = cv::Mat(int(count), int(rows * cols), CV_8UC1);
    std::copy(data.begin() + 16, data.begin() + std::ptrdiff_t(need), out.all.data);
    return out;
}

std::vector<int> readIdxLabels(const fs::path& path)
{
    const auto data = readMaybeGzip(path);
    if (data.size() < 8 || bigEndian32(data.data()) != 0x00000801)
        throw Error("Not an IDX label file (magic 0x00000801 expected): " + path.string());
    const std::uint32_t count = bigEndian32(&data[4]);
    if (data.size() < 8 + std::size_t(count))
        throw Error("Truncated IDX label file " + path.string() + ": " + std::to_string(data.size() - 8) + " labels, "
            + std::to_string(count) + " expected");
    std::vector<int> labels(data.begin() + 8, data.begin() + 8 + std::ptrdiff_t(count));
    for (int l : labels)
        if (l < 0 || l > 9)
            throw Error("IDX label out of range 0..9 in " + path.string());
    return labels;
}

// Appends the records of `images` whose label passes `keep`; each record shares the big buffer.
void appendIdx(std::vector<Sample>& out, const fs::path& imageFile, const IdxImages& images,
    const std::vector<int>& labels, int normalClass, const std::vector<std::string>& names, bool onlyNormal)
{
    if (images.all.rows != int(labels.size()))
        throw Error("IDX image and label counts differ for " + imageFile.string() + " ("
            + std::to_string(images.all.rows) + " images, " + std::to_string(labels.size()) + " labels)");
    const std::string prefix = std::string(kIdxPrefix) + imageFile.string() + "#";
    for (int i = 0; i < images.all.rows; ++i) {
        const int cls = labels[std::size_t(i)];
        if (onlyNormal && cls != normalClass)
            continue;
        Sample s;
        s.path = prefix + std::to_string(i);
        s.label = cls == normalClass ? Label::Good : Label::Anomalous;
        s.defectType = names[std::size_t(cls)];
        s.image = images.all.row(i).reshape(1, images.rows);
        out.push_back(std::move(s));
    }
}

Dataset openIdx(const fs::path& dir, int normalClass)
{
    if (!isDirectory(dir))
        throw Error("IDX dataset folder not found: " + dir.string());
    if (normalClass < 0 || normalClass > 9)
        throw Error("IDX datasets need a normal class 0..9 (one-class protocol), got " + std::to_string(normalClass));
    Dataset ds;
    ds.root = dir.string();
    ds.kind = DatasetKind::Idx;
    ds.normalClass = normalClass;
    const auto names = idxClassNames(dir.string());

    const fs::path trainImages = findIdxFile(dir, "train-images-idx3-ubyte");
    const fs::path trainLabels = findIdxFile(dir, "train-labels-idx1-ubyte");
    const fs::path testImages = findIdxFile(dir, "t10k-images-idx3-ubyte");
    const fs::path testLabels = findIdxFile(dir, "t10k-labels-idx1-ubyte");
    appendIdx(ds.train, trainImages, readIdxImages(trainImages), readIdxLabels(trainLabels), normalClass, names, true);
    appendIdx(ds.test, testImages, readIdxImages(testImages), readIdxLabels(testLabels), normalClass, names, false);
    if (ds.train.empty())
        throw Error("IDX dataset " + dir.string() + " has no training images of class " + std::to_string(normalClass));
    return ds;
}

// ---- pixel conversion --------------------------------------------------------------------------

cv::Mat to8Bit(const cv::Mat& m)
{
    switch (m.depth()) {
    case CV_8U: return m;
    case CV_8S: {
        cv::Mat out;
        m.convertTo(out, CV_8U, 1, 128);
        return out;
    }
    case CV_16U: {
        cv::Mat out;
        m.convertTo(out, CV_8U, 255.0 / 65535.0);
        return out;
    }
    case CV_16S: {
        cv::Mat out;
        m.convertTo(out, CV_8U, 255.0 / 65535.0, 128);
        return out;
    }
    default: {
        // Floating point or 32-bit integer: [0, 1] when it looks normalised, otherwise its own range.
        double lo = 0, hi = 0;
        cv::minMaxLoc(m.reshape(1), &lo, &hi);
        cv::Mat out;
        if (m.depth() >= CV_32F && lo >= 0 && hi <= 1)
            m.convertTo(out, CV_8U, 255.0);
        else
            m.convertTo(out, CV_8U, hi > lo ? 255.0 / (hi - lo) : 0.0, hi > lo ? -lo * 255.0 / (hi - lo) : 0.0);
        return out;
    }
    }
}

std::string sizeText(cv::Size size) { return std::to_string(size.width) + "x" + std::to_string(size.height); }

}  // namespace

std::string labelText(Label label)
{
    switch (label) {
    case Label::Good: return "good";
    case Label::Anomalous: return "anomalous";
    default: return "unknown";
    }
}

Label labelFromText(const std::string& name)
{
    return name == "good" ? Label::Good : name == "anomalous" ? Label::Anomalous : Label::Unknown;
}

bool Dataset::hasMasks() const
{
    return std::any_of(test.begin(), test.end(), [](const Sample& s) { return !s.maskPath.empty(); });
}

bool isImageFile(const std::string& path)
{
    static const std::set<std::string> kExtensions
        = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".pgm", ".ppm", ".pnm", ".pbm", ".webp"};
    return kExtensions.count(lower(fs::path(path).extension().string())) > 0;
}

std::vector<std::string> idxClassNames(const std::string& dir)
{
    std::vector<std::string> names;
    const bool fashion = lower(dir).find("fashion") != std::string::npos;
    for (int i = 0; i < 10; ++i)
        names.push_back(fashion ? kFashionNames[std::size_t(i)] : std::to_string(i));
    return names;
}

Dataset openDataset(const std::string& spec, int normalClass)
{
    const std::string prefix = kIdxPrefix;
    if (spec.compare(0, prefix.size(), prefix) == 0)
        return openIdx(fs::path(spec.substr(prefix.size())), normalClass);

    const fs::path root(spec);
    std::error_code ec;
    if (!fs::exists(root, ec))
        throw Error("Dataset folder not found: " + spec);
    if (!isDirectory(root))
        throw Error("Not a folder: " + spec + " (give a dataset folder, or idx:<folder> for IDX files)");
    if (looksLikeMvtec(root))
        return openMvtec(root);

    Dataset ds;
    ds.root = root.string();
    ds.kind = DatasetKind::Folder;
    for (const auto& p : listImages(root))
        ds.test.push_back(fileSample(p, Label::Unknown, ""));
    if (ds.test.empty())
        throw Error("No images in " + spec
            + " (expected image files, or the MVTec AD layout train/good, test/<type>, ground_truth/<type>)");
    return ds;
}

cv::Mat readImage(const Sample& sample)
{
    if (!sample.image.empty())
        return sample.image.clone();
    return readImage(sample.path);
}

cv::Mat readImage(const std::string& path)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw Error("Image not found: " + path);
    cv::Mat raw;
    try {
        // ANYDEPTH keeps 16-bit data for explicit scaling; ANYCOLOR keeps grey as one channel.
        raw = cv::imread(path, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
    } catch (const cv::Exception& e) {
        throw Error("Cannot decode image " + path + ": " + e.what());
    }
    if (raw.empty())
        throw Error("Cannot decode image " + path + " (corrupt or unsupported format)");
    cv::Mat img = to8Bit(raw);
    if (img.channels() == 4)
        cv::cvtColor(img, img, cv::COLOR_BGRA2BGR);
    else if (img.channels() == 2) {
        cv::Mat grey;
        cv::extractChannel(img, grey, 0);
        img = grey;
    }
    return img;
}

cv::Mat readMask(const Sample& sample, cv::Size size, std::string* warning)
{
    if (sample.maskPath.empty())
        return {};
    cv::Mat raw;
    std::error_code ec;
    if (!fs::is_regular_file(sample.maskPath, ec))
        throw Error("Mask not found: " + sample.maskPath);
    try {
        raw = cv::imread(sample.maskPath, cv::IMREAD_ANYDEPTH | cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception& e) {
        throw Error("Cannot decode mask " + sample.maskPath + ": " + e.what());
    }
    if (raw.empty())
        throw Error("Cannot decode mask " + sample.maskPath + " (corrupt or unsupported format)");
    cv::Mat mask;
    cv::compare(raw, 0, mask, cv::CMP_GT);  // any nonzero value marks a defect: 0/255
    if (!size.empty() && size != mask.size()) {
        if (warning)
            *warning = "Mask " + sample.maskPath + " is " + sizeText(mask.size()) + " but its image " + sample.path
                + " is " + sizeText(size) + ": the mask is stretched to the image";
        cv::resize(mask, mask, size, 0, 0, cv::INTER_NEAREST);
    }
    return mask;
}

ImageCheck checkImage(const cv::Mat& image, const std::string& path)
{
    ImageCheck check;
    if (image.cols < kMinImageSide || image.rows < kMinImageSide) {
        check.skipReason = "Skipped " + path + ": " + sizeText(image.size()) + " is too small (at least "
            + std::to_string(kMinImageSide) + " px a side)";
        return check;
    }
    const double megapixels = double(image.total()) / 1e6;
    if (megapixels > kLargeImageMegapixels) {
        char mp[32];
        std::snprintf(mp, sizeof mp, "%.0f", megapixels);
        check.warnings.push_back(path + " is very large (" + sizeText(image.size()) + ", " + mp
            + " megapixels): scoring it needs much memory, and the workbench shows no thumbnail");
    }
    double lo = 0, hi = 0;
    cv::minMaxLoc(image.reshape(1), &lo, &hi);
    if (lo == hi)
        check.warnings.push_back(path + " is blank (every pixel " + std::to_string(int(lo))
            + "): a camera or lighting fault rather than a part?");
    return check;
}

void screenImages(std::vector<Sample>& samples, std::vector<std::string>& warnings)
{
    std::vector<Sample> kept;
    kept.reserve(samples.size());
    for (Sample& s : samples) {
        ImageCheck check;
        try {
            check = checkImage(readImage(s), s.path);
        } catch (const std::exception& e) {  // utad::Error, or OpenCV running out of memory
            check.skipReason = std::string("Skipped: ") + e.what();
        }
        warnings.insert(warnings.end(), check.warnings.begin(), check.warnings.end());
        if (!check.skipReason.empty())
            warnings.push_back(check.skipReason);
        else
            kept.push_back(std::move(s));
    }
    samples = std::move(kept);
}

}  // namespace utad
