#pragma once
// Dataset discovery and image loading. Plain C++ and OpenCV: shared by the CLI and the workbench.
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace utad {

enum class Label { Good = 0, Anomalous = 1, Unknown = -1 };
std::string labelText(Label label);  // "good", "anomalous", "unknown"
Label labelFromText(const std::string& name);  // the inverse; anything else is Unknown

struct Sample {
    std::string path;  // file path, or "idx:<file>#<index>" for an IDX record
    Label label = Label::Unknown;
    std::string defectType;  // "good", the defect folder name, a class name, or "" when unknown
    std::string maskPath;  // ground-truth mask file, empty when none
    cv::Mat image;  // preloaded pixels (IDX records only); empty for files
};

enum class DatasetKind { MVTec, Folder, Idx };

struct Dataset {
    std::string root;
    DatasetKind kind = DatasetKind::Folder;
    std::vector<Sample> train;  // anomaly-free training images (empty for a plain folder)
    std::vector<Sample> test;  // images to score
    std::vector<std::string> warnings;  // files skipped, masks without images, ...
    int normalClass = -1;  // IDX one-class protocol: the class trained on
    bool hasMasks() const;
};

// Opens `spec`:
//  - a folder in MVTec AD layout (train/good, test/<type>, ground_truth/<type>, masks named
//    NAME_mask.png or NAME.png),
//  - a plain folder of images (all become test samples with Label::Unknown),
//  - "idx:<dir>" with Fashion-MNIST/MNIST IDX files; `normalClass` selects the one-class protocol
//    (train on that class, test on the whole test set, label = class != normalClass).
// Throws utad::Error with a clear message for a missing folder, an empty dataset or bad IDX files.
Dataset openDataset(const std::string& spec, int normalClass = -1);

// Reads an image of any depth (8/16 bit, grey or colour) as CV_8UC1 or CV_8UC3 (BGR).
// Throws utad::Error naming the path when it cannot be decoded.
cv::Mat readImage(const Sample& sample);
cv::Mat readImage(const std::string& path);

// Reads a ground-truth mask as CV_8UC1 with values 0/255, resized with nearest-neighbour to `size`
// when given. Returns an empty Mat when the sample has no mask. Throws utad::Error when unreadable.
// When `warning` is given and the mask had to be resized, it receives a message naming both files.
cv::Mat readMask(const Sample& sample, cv::Size size = cv::Size(), std::string* warning = nullptr);

// Images that cannot be inspected meaningfully. A side below kMinImageSide pixels is unusable
// (skipped); above kLargeImageMegapixels an image is scored but needs a lot of memory (and the
// workbench cannot show a thumbnail of it); a constant (blank) frame is scored but is most likely a
// camera or lighting fault, not a part.
inline constexpr int kMinImageSide = 8;
inline constexpr double kLargeImageMegapixels = 32;  // 128 MB at 4 bytes a pixel
struct ImageCheck {
    std::string skipReason;  // non-empty: the image is unusable; names the file
    std::vector<std::string> warnings;  // each names the file
};
ImageCheck checkImage(const cv::Mat& image, const std::string& path);

// Reads every sample of `samples`, drops those that are unreadable or unusable and appends one
// message per problem (naming the file) to `warnings`. For the training images, which are few.
void screenImages(std::vector<Sample>& samples, std::vector<std::string>& warnings);

bool isImageFile(const std::string& path);

// Class names of an IDX dataset: the Fashion-MNIST names when the folder name contains "fashion",
// otherwise the digits "0".."9".
std::vector<std::string> idxClassNames(const std::string& dir);

// The IDX prefix of openDataset specs.
inline constexpr const char* kIdxPrefix = "idx:";

}  // namespace utad
