// Dataset discovery and image/mask loading on the bundled sample and on files made here.
#include "utad/dataset.h"
#include "utad/error.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <zlib.h>

namespace fs = std::filesystem;
using namespace utad;

namespace {

const std::string kSample = UTAD_SAMPLE_DIR;

int count(const std::vector<Sample>& v, Label label)
{
    return int(std::count_if(v.begin(), v.end(), [&](const Sample& s) { return s.label == label; }));
}

// Runs f, expecting utad::Error whose message contains `needle`.
template <typename F> void expectError(F f, const std::string& needle)
{
    try {
        f();
    } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find(needle) != std::string::npos,
            qPrintable(QString("message '%1' lacks '%2'").arg(e.what(), QString::fromStdString(needle))));
        return;
    }
    QFAIL(qPrintable(QString("no utad::Error (expected one mentioning '%1')").arg(QString::fromStdString(needle))));
}

void writeBytes(const fs::path& p, const std::string& bytes)
{
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

void putBigEndian(std::string& s, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        s += char((v >> shift) & 0xff);
}

// An IDX image file of `n` 2x3 images, image i filled with value 10*i, and its label file.
std::string idxImages(int n)
{
    std::string s;
    putBigEndian(s, 0x803);
    putBigEndian(s, std::uint32_t(n));
    putBigEndian(s, 2);
    putBigEndian(s, 3);
    for (int i = 0; i < n; ++i)
        s += std::string(6, char(10 * i));
    return s;
}

std::string idxLabels(const std::vector<int>& labels)
{
    std::string s;
    putBigEndian(s, 0x801);
    putBigEndian(s, std::uint32_t(labels.size()));
    for (int l : labels)
        s += char(l);
    return s;
}

void writeGzip(const fs::path& p, const std::string& bytes)
{
    gzFile f = gzopen(p.string().c_str(), "wb");
    QVERIFY(f);
    QCOMPARE(gzwrite(f, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
    gzclose(f);
}

// A small IDX set: train labels {0,1,0,2}, test labels {1,0,2}.
void writeIdxSet(const fs::path& dir, bool gzip)
{
    fs::create_directories(dir);
    auto put = [&](const std::string& name, const std::string& bytes) {
        if (gzip)
            writeGzip(dir / (name + ".gz"), bytes);
        else
            writeBytes(dir / name, bytes);
    };
    put("train-images-idx3-ubyte", idxImages(4));
    put("train-labels-idx1-ubyte", idxLabels({0, 1, 0, 2}));
    put("t10k-images-idx3-ubyte", idxImages(3));
    put("t10k-labels-idx1-ubyte", idxLabels({1, 0, 2}));
}

}  // namespace

class TestDataset : public QObject {
    Q_OBJECT
private slots:
    void sampleCountsAndMasks();
    void sampleOrderIsSorted();
    void mvtecMaskSuffix();
    void plainFolder();
    void missingAndEmptyFolders();
    void wrongLayouts();
    void corruptImages();
    void sixteenBitAndColour();
    void maskResizedAndBinary();
    void idxOneClass();
    void idxErrors();
    void fashionMnist();
    void imageChecks();
    void maskSizeWarning();
    void screenTrainingImages();
};

void TestDataset::sampleCountsAndMasks()
{
    const Dataset ds = openDataset(kSample);
    QCOMPARE(ds.kind, DatasetKind::MVTec);
    QCOMPARE(int(ds.train.size()), 37);
    QCOMPARE(count(ds.train, Label::Good), 37);
    QCOMPARE(int(ds.test.size()), 35 + 93);
    QCOMPARE(count(ds.test, Label::Good), 35);
    QCOMPARE(count(ds.test, Label::Anomalous), 93);
    QVERIFY(ds.hasMasks());
    for (const Sample& s : ds.test) {
        if (s.label == Label::Good) {
            QCOMPARE(s.defectType, std::string("good"));
            QVERIFY(s.maskPath.empty());
        } else {
            QCOMPARE(s.defectType, std::string("defective"));
            // The sample names masks like their images.
            QCOMPARE(fs::path(s.maskPath).filename(), fs::path(s.path).filename());
            QCOMPARE(fs::path(s.maskPath).parent_path().filename().string(), std::string("defective"));
        }
    }
    // 133 masks, 93 used: the other 40 are reported, not fatal.
    const long orphanWarnings = std::count_if(ds.warnings.begin(), ds.warnings.end(),
        [](const std::string& w) { return w.find("Mask without image") != std::string::npos; });
    QCOMPARE(orphanWarnings, 40L);
    QCOMPARE(int(ds.warnings.size()), 40);
    // Every sample loads; sizes vary in this set.
    const cv::Mat img = readImage(ds.test.back());
    QCOMPARE(img.type(), CV_8UC1);
    const cv::Mat mask = readMask(ds.test.back());
    QCOMPARE(mask.size(), img.size());
}

void TestDataset::sampleOrderIsSorted()
{
    const Dataset a = openDataset(kSample), b = openDataset(kSample);
    QVERIFY(std::is_sorted(
        a.train.begin(), a.train.end(), [](const Sample& x, const Sample& y) { return x.path < y.path; }));
    // good first, then the defect types; each group sorted by path.
    QCOMPARE(a.test.front().label, Label::Good);
    QVERIFY(std::is_sorted(
        a.test.begin(), a.test.begin() + 35, [](const Sample& x, const Sample& y) { return x.path < y.path; }));
    QVERIFY(std::is_sorted(
        a.test.begin() + 35, a.test.end(), [](const Sample& x, const Sample& y) { return x.path < y.path; }));
    for (std::size_t i = 0; i < a.test.size(); ++i)
        QCOMPARE(a.test[i].path, b.test[i].path);
}

void TestDataset::mvtecMaskSuffix()
{
    // A small copy of the sample in the MVTec AD naming: masks NAME_mask.png.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const fs::path root = tmp.path().toStdString();
    const Dataset src = openDataset(kSample);
    fs::create_directories(root / "train/good");
    fs::create_directories(root / "test/good");
    fs::create_directories(root / "test/crack");
    fs::create_directories(root / "ground_truth/crack");
    for (int i = 0; i < 3; ++i)
        fs::copy_file(
            src.train[std::size_t(i)].path, root / "train/good" / fs::path(src.train[std::size_t(i)].path).filename());
    fs::copy_file(src.test[0].path, root / "test/good/000.png");
    for (int i = 0; i < 4; ++i) {
        const Sample& s = src.test[std::size_t(35 + i)];
        const std::string name = "00" + std::to_string(i);
        fs::copy_file(s.path, root / "test/crack" / (name + ".png"));
        if (i < 3)  // the last one has no mask
            fs::copy_file(s.maskPath, root / "ground_truth/crack" / (name + "_mask.png"));
    }

    const Dataset ds = openDataset(root.string());
    QCOMPARE(ds.kind, DatasetKind::MVTec);
    QCOMPARE(int(ds.train.size()), 3);
    QCOMPARE(int(ds.test.size()), 5);
    QCOMPARE(ds.test[0].label, Label::Good);
    QCOMPARE(ds.test[1].defectType, std::string("crack"));
    QCOMPARE(ds.test[1].maskPath, (root / "ground_truth/crack/000_mask.png").string());
    QCOMPARE(ds.test[3].maskPath, (root / "ground_truth/crack/002_mask.png").string());
    QVERIFY(ds.test[4].maskPath.empty());
    QCOMPARE(int(ds.warnings.size()), 1);
    QVERIFY(ds.warnings[0].find("No mask for") != std::string::npos);
    QVERIFY(ds.warnings[0].find("003.png") != std::string::npos);
}

void TestDataset::plainFolder()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    const cv::Mat img(5, 7, CV_8UC1, cv::Scalar(9));
    QVERIFY(cv::imwrite((root / "b.png").string(), img));
    QVERIFY(cv::imwrite((root / "a.PNG").string(), img));
    QVERIFY(cv::imwrite((root / "c.bmp").string(), img));
    writeBytes(root / "notes.txt", "not an image");
    writeBytes(root / ".hidden.png", "x");
    const Dataset ds = openDataset(root.string());
    QCOMPARE(ds.kind, DatasetKind::Folder);
    QVERIFY(ds.train.empty());
    QCOMPARE(int(ds.test.size()), 3);
    QCOMPARE(fs::path(ds.test[0].path).filename().string(), std::string("a.PNG"));
    QCOMPARE(fs::path(ds.test[2].path).filename().string(), std::string("c.bmp"));
    for (const Sample& s : ds.test) {
        QCOMPARE(s.label, Label::Unknown);
        QCOMPARE(readImage(s).size(), cv::Size(7, 5));
    }
    QVERIFY(!ds.hasMasks());
}

void TestDataset::missingAndEmptyFolders()
{
    QTemporaryDir tmp;
    const std::string missing = tmp.path().toStdString() + "/does-not-exist";
    expectError([&] { openDataset(missing); }, "not found: " + missing);
    expectError([&] { openDataset(tmp.path().toStdString()); }, "No images in " + tmp.path().toStdString());
    const std::string file = tmp.path().toStdString() + "/file.png";
    writeBytes(file, "x");
    expectError([&] { openDataset(file); }, "Not a folder: " + file);
}

void TestDataset::wrongLayouts()
{
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "train/normal");
        expectError([&] { openDataset(root.string()); }, "no good/ folder");
    }
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "test");
        QVERIFY(cv::imwrite((root / "test/x.png").string(), cv::Mat(3, 3, CV_8UC1, cv::Scalar(0))));
        expectError([&] { openDataset(root.string()); }, "test/ holds images directly");
    }
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "train/good");
        fs::create_directories(root / "test/good");
        expectError([&] { openDataset(root.string()); }, "No training images in");
    }
}

void TestDataset::corruptImages()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    writeBytes(root / "garbage.png", "this is not a png file at all");
    expectError([&] { readImage((root / "garbage.png").string()); }, (root / "garbage.png").string());
    // A real PNG cut in half.
    std::ifstream in(openDataset(kSample).train[0].path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    writeBytes(root / "truncated.png", bytes.substr(0, 60));
    expectError([&] { readImage((root / "truncated.png").string()); }, (root / "truncated.png").string());
    expectError(
        [&] { readImage((root / "absent.png").string()); }, "Image not found: " + (root / "absent.png").string());
    // Unreadable files do not stop discovery: they fail when read, so callers can skip them.
    const Dataset ds = openDataset(root.string());
    QCOMPARE(int(ds.test.size()), 2);
    Sample bad;
    bad.maskPath = (root / "garbage.png").string();
    expectError([&] { readMask(bad); }, "Cannot decode mask " + bad.maskPath);
}

void TestDataset::sixteenBitAndColour()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    cv::Mat deep(2, 3, CV_16UC1);
    deep.at<std::uint16_t>(0, 0) = 0;
    deep.at<std::uint16_t>(0, 1) = 65535;
    deep.at<std::uint16_t>(0, 2) = 257 * 100;  // scales to exactly 100
    deep.row(1).setTo(257 * 7);
    QVERIFY(cv::imwrite((root / "deep.png").string(), deep));
    const cv::Mat grey = readImage((root / "deep.png").string());
    QCOMPARE(grey.type(), CV_8UC1);
    QCOMPARE(int(grey.at<std::uint8_t>(0, 0)), 0);
    QCOMPARE(int(grey.at<std::uint8_t>(0, 1)), 255);
    QCOMPARE(int(grey.at<std::uint8_t>(0, 2)), 100);
    QCOMPARE(int(grey.at<std::uint8_t>(1, 1)), 7);

    cv::Mat colour(4, 5, CV_8UC3, cv::Scalar(10, 20, 30));
    QVERIFY(cv::imwrite((root / "colour.png").string(), colour));
    cv::Mat c = readImage((root / "colour.png").string());
    QCOMPARE(c.type(), CV_8UC3);
    QCOMPARE(c.at<cv::Vec3b>(2, 2), cv::Vec3b(10, 20, 30));

    cv::Mat withAlpha(4, 5, CV_8UC4, cv::Scalar(1, 2, 3, 128));
    QVERIFY(cv::imwrite((root / "alpha.png").string(), withAlpha));
    c = readImage((root / "alpha.png").string());
    QCOMPARE(c.type(), CV_8UC3);
    QCOMPARE(c.at<cv::Vec3b>(0, 0), cv::Vec3b(1, 2, 3));

    cv::Mat deepColour(3, 3, CV_16UC3, cv::Scalar(0, 257 * 50, 65535));
    QVERIFY(cv::imwrite((root / "deepcolour.png").string(), deepColour));
    c = readImage((root / "deepcolour.png").string());
    QCOMPARE(c.type(), CV_8UC3);
    QCOMPARE(c.at<cv::Vec3b>(1, 1), cv::Vec3b(0, 50, 255));
}

void TestDataset::maskResizedAndBinary()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    // 4x4 mask, defect (value 1, not 255) in the top-left 2x2 block.
    cv::Mat mask(4, 4, CV_8UC1, cv::Scalar(0));
    mask(cv::Rect(0, 0, 2, 2)).setTo(1);
    QVERIFY(cv::imwrite((root / "m.png").string(), mask));
    Sample s;
    s.maskPath = (root / "m.png").string();

    const cv::Mat same = readMask(s);
    QCOMPARE(same.size(), cv::Size(4, 4));
    QCOMPARE(int(same.at<std::uint8_t>(0, 0)), 255);
    QCOMPARE(cv::countNonZero(same), 4);

    const cv::Mat big = readMask(s, cv::Size(8, 6));  // another size: nearest neighbour, still 0/255
    QCOMPARE(big.size(), cv::Size(8, 6));
    QCOMPARE(big.type(), CV_8UC1);
    QCOMPARE(cv::countNonZero(big), 4 * 3);
    QCOMPARE(int(big.at<std::uint8_t>(2, 3)), 255);
    QCOMPARE(int(big.at<std::uint8_t>(3, 4)), 0);
    for (int y = 0; y < big.rows; ++y)
        for (int x = 0; x < big.cols; ++x)
            QVERIFY(big.at<std::uint8_t>(y, x) == 0 || big.at<std::uint8_t>(y, x) == 255);

    QVERIFY(readMask(Sample()).empty());
    Sample missing;
    missing.maskPath = (root / "nope.png").string();
    expectError([&] { readMask(missing); }, "Mask not found: " + missing.maskPath);
}

void TestDataset::idxOneClass()
{
    for (bool gzip : {false, true}) {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "digits";
        writeIdxSet(dir, gzip);
        const Dataset ds = openDataset("idx:" + dir.string(), 0);
        QCOMPARE(ds.kind, DatasetKind::Idx);
        QCOMPARE(ds.normalClass, 0);
        QCOMPARE(int(ds.train.size()), 2);  // train labels {0,1,0,2}: records 0 and 2
        QCOMPARE(int(readImage(ds.train[1]).at<std::uint8_t>(1, 2)), 20);
        QCOMPARE(readImage(ds.train[0]).size(), cv::Size(3, 2));
        QCOMPARE(int(ds.test.size()), 3);  // the whole test set
        QCOMPARE(ds.test[0].label, Label::Anomalous);
        QCOMPARE(ds.test[1].label, Label::Good);
        QCOMPARE(ds.test[2].label, Label::Anomalous);
        QCOMPARE(ds.test[2].defectType, std::string("2"));
        QCOMPARE(int(readImage(ds.test[2]).at<std::uint8_t>(0, 0)), 20);
        QVERIFY(ds.test[1].path.find("t10k-images-idx3-ubyte") != std::string::npos);
        QVERIFY(ds.test[1].path.substr(ds.test[1].path.size() - 2) == "#1");
    }
    QTemporaryDir tmp;
    const fs::path dir = fs::path(tmp.path().toStdString()) / "my-fashion-set";
    writeIdxSet(dir, false);
    const Dataset ds = openDataset("idx:" + dir.string(), 1);
    QCOMPARE(int(ds.train.size()), 1);
    QCOMPARE(ds.train[0].defectType, std::string("Trouser"));
    QCOMPARE(ds.test[1].defectType, std::string("T-shirt/top"));
    QCOMPARE(ds.test[1].label, Label::Anomalous);
}

void TestDataset::idxErrors()
{
    QTemporaryDir tmp;
    const fs::path dir = tmp.path().toStdString();
    writeIdxSet(dir, false);
    const std::string spec = "idx:" + dir.string();
    expectError([&] { openDataset(spec, 10); }, "normal class 0..9");
    expectError([&] { openDataset(spec, -1); }, "normal class 0..9");
    expectError([&] { openDataset("idx:" + dir.string() + "/nope", 0); }, "not found");

    // Truncated image data.
    std::string images = idxImages(3);
    writeBytes(dir / "t10k-images-idx3-ubyte", images.substr(0, images.size() - 4));
    expectError([&] { openDataset(spec, 0); }, "Truncated IDX image file " + (dir / "t10k-images-idx3-ubyte").string());
    // A truncated gzip stream is reported too (and preferred over the plain file).
    std::string gz;
    {
        writeGzip(dir / "full.gz", images);
        std::ifstream in(dir / "full.gz", std::ios::binary);
        gz.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    writeBytes(dir / "t10k-images-idx3-ubyte.gz", gz.substr(0, gz.size() / 2));
    expectError([&] { openDataset(spec, 0); }, (dir / "t10k-images-idx3-ubyte.gz").string());
    fs::remove(dir / "t10k-images-idx3-ubyte.gz");
    // Wrong magic (labels where images belong).
    writeBytes(dir / "t10k-images-idx3-ubyte", idxLabels({1, 0, 2}));
    expectError([&] { openDataset(spec, 0); }, "Not an IDX image file");
    // Counts that disagree.
    writeBytes(dir / "t10k-images-idx3-ubyte", idxImages(2));
    expectError([&] { openDataset(spec, 0); }, "counts differ");
    // A missing file.
    fs::remove(dir / "t10k-labels-idx1-ubyte");
    expectError([&] { openDataset(spec, 0); }, "t10k-labels-idx1-ubyte");
}

void TestDataset::fashionMnist()
{
    const std::string dir = "/usr/share/datasets/fashion-mnist";
    if (!fs::exists(dir + "/t10k-images-idx3-ubyte.gz"))
        QSKIP("Fashion-MNIST is not installed (package dataset-fashion-mnist)");
    const Dataset ds = openDataset("idx:" + dir, 1);
    QCOMPARE(int(ds.train.size()), 6000);
    QCOMPARE(int(ds.test.size()), 10000);
    QCOMPARE(count(ds.test, Label::Good), 1000);
    for (const Sample& s : ds.train)
        QCOMPARE(s.defectType, std::string("Trouser"));
    const cv::Mat img = readImage(ds.test[0]);
    QCOMPARE(img.size(), cv::Size(28, 28));
    QCOMPARE(img.type(), CV_8UC1);
    // The first test record of Fashion-MNIST is an ankle boot.
    QCOMPARE(ds.test[0].defectType, std::string("Ankle boot"));
}

void TestDataset::imageChecks()
{
    // A normal image passes without a word.
    cv::Mat normal(60, 80, CV_8UC1);
    cv::randu(normal, 0, 255);
    ImageCheck c = checkImage(normal, "part.png");
    QVERIFY(c.skipReason.empty());
    QVERIFY(c.warnings.empty());

    // Below the minimum size on either side: unusable, with the reason and the file.
    for (const cv::Size size : {cv::Size(1, 1), cv::Size(kMinImageSide - 1, 100), cv::Size(100, 3)}) {
        c = checkImage(cv::Mat(size, CV_8UC1, cv::Scalar(7)), "/line/tiny.png");
        QVERIFY(c.skipReason.find("/line/tiny.png") != std::string::npos);
        QVERIFY2(c.skipReason.find("too small") != std::string::npos, c.skipReason.c_str());
    }
    QVERIFY(checkImage(cv::Mat(kMinImageSide, kMinImageSide, CV_8UC1, cv::Scalar(1)), "x").skipReason.empty());

    // A blank (constant) frame, grey or colour: scored, with a warning.
    c = checkImage(cv::Mat(64, 64, CV_8UC1, cv::Scalar(128)), "/line/blank.png");
    QVERIFY(c.skipReason.empty());
    QCOMPARE(int(c.warnings.size()), 1);
    QVERIFY2(c.warnings[0].find("/line/blank.png is blank") != std::string::npos, c.warnings[0].c_str());
    QCOMPARE(int(checkImage(cv::Mat(64, 64, CV_8UC3, cv::Scalar(9, 9, 9)), "b").warnings.size()), 1);
    QVERIFY(checkImage(cv::Mat(64, 64, CV_8UC3, cv::Scalar(9, 9, 10)), "b").warnings.empty());  // channels differ

    // Very large: scored, with a warning (6000 x 6000 is 36 megapixels).
    cv::Mat large(6000, 6000, CV_8UC1, cv::Scalar(0));
    cv::randu(large.row(0), 0, 255);
    c = checkImage(large, "/line/huge.tif");
    QVERIFY(c.skipReason.empty());
    QCOMPARE(int(c.warnings.size()), 1);
    QVERIFY2(c.warnings[0].find("/line/huge.tif is very large (6000x6000, 36 megapixels)") != std::string::npos,
        c.warnings[0].c_str());
}

void TestDataset::maskSizeWarning()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    QVERIFY(cv::imwrite((root / "m.png").string(), cv::Mat(30, 40, CV_8UC1, cv::Scalar(255))));
    Sample s;
    s.path = (root / "part.png").string();
    s.maskPath = (root / "m.png").string();
    std::string warning;
    QCOMPARE(readMask(s, cv::Size(40, 30), &warning).size(), cv::Size(40, 30));
    QVERIFY(warning.empty());
    const cv::Mat stretched = readMask(s, cv::Size(80, 50), &warning);
    QCOMPARE(stretched.size(), cv::Size(80, 50));
    QVERIFY2(
        warning.find("Mask " + s.maskPath + " is 40x30 but its image " + s.path + " is 80x50") != std::string::npos,
        warning.c_str());
}

void TestDataset::screenTrainingImages()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    fs::create_directories(root / "train/good");
    cv::Mat part(40, 50, CV_8UC1);
    cv::randu(part, 0, 255);
    QVERIFY(cv::imwrite((root / "train/good/a.png").string(), part));
    QVERIFY(cv::imwrite((root / "train/good/b-tiny.png").string(), cv::Mat(1, 1, CV_8UC1, cv::Scalar(3))));
    QVERIFY(cv::imwrite((root / "train/good/c-blank.png").string(), cv::Mat(40, 50, CV_8UC1, cv::Scalar(3))));
    writeBytes(root / "train/good/d-corrupt.png", "no image here");
    Dataset ds = openDataset(root.string());
    QCOMPARE(int(ds.train.size()), 4);
    std::vector<std::string> warnings;
    screenImages(ds.train, warnings);
    // Kept: the part and the blank frame (a warning); dropped: the 1x1 and the corrupt file.
    QCOMPARE(int(ds.train.size()), 2);
    QVERIFY(ds.train[0].path.find("a.png") != std::string::npos);
    QVERIFY(ds.train[1].path.find("c-blank.png") != std::string::npos);
    QCOMPARE(int(warnings.size()), 3);
    const auto mentions = [&](const std::string& file, const std::string& what) {
        return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
            return w.find(file) != std::string::npos && w.find(what) != std::string::npos;
        });
    };
    QVERIFY(mentions("b-tiny.png", "too small"));
    QVERIFY(mentions("c-blank.png", "blank"));
    QVERIFY(mentions("d-corrupt.png", "Skipped"));
}

QTEST_APPLESS_MAIN(TestDataset)
#include "test_dataset.moc"
