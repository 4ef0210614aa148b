#include "ui/review/reviewreport.h"

#include "ui/format.h"
#include "ui/imageconvert.h"
#include "ui/imagelistmodel.h"
#include "ui/panelcache.h"
#include "ui/panelrender.h"
#include "ui/project.h"
#include "ui/review/annotationstore.h"
#include "ui/review/reviewfilter.h"
#include "ui/review/scoreindex.h"
#include "utad/error.h"
#include "utad/evaluation.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageReader>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <cmath>
#include <map>
#include <opencv2/imgproc.hpp>
#include <optional>

namespace utad::ui {
namespace {

bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("utad::ui::ReviewReport", "Cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writePng(const QImage& image, const QString& path, QString* error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return writeAtomically(path, bytes, error);
}

QString csvField(QString text)
{
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

// The CSV is for scripts: its values read the same whatever the interface language.
QString csvLabel(utad::Label label)
{
    switch (label) {
    case utad::Label::Good: return QStringLiteral("good");
    case utad::Label::Anomalous: return QStringLiteral("defective");
    case utad::Label::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString csvDecision(Decision decision)
{
    switch (decision) {
    case Decision::Good: return QStringLiteral("good");
    case Decision::Defective: return QStringLiteral("defective");
    case Decision::Uncertain: return QStringLiteral("uncertain");
    }
    return {};
}

QString csvMark(Mark mark)
{
    switch (mark) {
    case Mark::FalsePositive: return QStringLiteral("False positive");
    case Mark::ConfirmedDefect: return QStringLiteral("Confirmed defect");
    case Mark::MissedDefect: return QStringLiteral("Missed defect");
    case Mark::None: break;
    }
    return {};
}

QString csvNumber(double v, int digits = 5) { return std::isfinite(v) ? QString::number(v, 'g', digits) : QString(); }

utad::Sample sampleOf(const utad::ImageResult& r)
{
    utad::Sample s;
    s.path = r.path;
    s.label = r.label;
    s.defectType = r.defectType;
    return s;
}

bool isScored(const utad::ImageResult& r) { return r.error.empty() && std::isfinite(r.score); }

QColor decisionColor(const ReportImage& item)
{
    if (!isScored(item.result))
        return QColor(110, 110, 110);
    switch (item.decision) {
    case Decision::Defective: return QColor(190, 25, 25);
    case Decision::Uncertain: return QColor(190, 110, 0);
    case Decision::Good: break;
    }
    return QColor(25, 120, 25);
}

// One detailed image's panels, as written beside the HTML.
struct Rendered {
    std::array<QString, 4> files;  // relative to the HTML's folder; empty when missing
    QString drawnMask;  // the reviewer's drawn defect, copied beside the panels; relative as above
    double scaleMax = 0;  // top of the anomaly map's colour scale
    QSize size;  // of the panels, in the source image's aspect
};

// Writes one report. The strings share the translation context "utad::ui::ReviewReport".
class ReportWriter {
    Q_DECLARE_TR_FUNCTIONS(utad::ui::ReviewReport)
public:
    ReportWriter(const ReportSnapshot& snapshot, const QString& htmlPath, const ReportCallbacks& callbacks)
        : m_s(snapshot), m_htmlPath(htmlPath), m_callbacks(callbacks), m_rendered(snapshot.images.size())
    {
        m_filesDir = reportFilesDir(htmlPath);
        m_filesName = QFileInfo(m_filesDir).fileName();
        const QDir root(snapshot.datasetPath);
        for (const ReportImage& item : snapshot.images) {
            const QString path = QString::fromStdString(item.result.path);
            const QString relative = snapshot.datasetPath.isEmpty() ? path : root.relativeFilePath(path);
            m_names << (relative.startsWith(QLatin1String("..")) ? path : relative);
        }
    }

    bool write(const QString& pdfPath, QString* error);

private:
    bool cancelled() const { return m_callbacks.isCancelled && m_callbacks.isCancelled(); }
    bool renderAll(QString* error);
    // The image's four panels with their outlines; `drawn` gets the reviewer's drawn defect as read
    // (null when there is none).
    std::array<QImage, 4> panelsFor(const ReportImage& item, double* scaleMax, QImage* drawn, QString* warning) const;
    QString csv() const;
    QString html() const;
    bool pdf(QSaveFile& out, QString* error);

    QString decisionText(const ReportImage& item) const
    {
        return isScored(item.result) ? decisionName(int(item.decision)) : tr("Not scored");
    }
    QString scoreText(const ReportImage& item) const
    {
        return isScored(item.result) ? localNumber(item.result.score, 'f', 4) : QStringLiteral("\u2013");
    }
    QString reviewText(const Annotation& a) const
    {
        if (a.mark != Mark::None)
            return markName(a.mark);
        return a.reviewed ? tr("Reviewed, decision OK") : tr("Unreviewed");
    }
    QString scaleText(double scaleMax) const
    {
        return scaleMax > 0 ? tr("colour scale 0 to %1").arg(localNumber(scaleMax, 'g', 3)) : QString();
    }
    QStringList operatingPoint() const;  // name, value, name, value, ...
    QString countsLine() const;  // how many images were flagged, passed, reviewed
    QStringList defectTypeLines() const;  // per kind of defect, where there are several

    const ReportSnapshot& m_s;
    QString m_htmlPath;
    const ReportCallbacks& m_callbacks;
    QString m_filesDir;
    QString m_filesName;
    QStringList m_names;  // image paths relative to the dataset, for people to read
    std::vector<Rendered> m_rendered;
    QStringList m_warnings;
    QString m_written = QDateTime::currentDateTime().toString(Qt::ISODate);
};

// The four panels as the inspector shows them, with the predicted regions outlined in magenta (as
// in the inspector; yellow would vanish on the colour map at the region threshold) and the
// reviewer's mask in cyan on the input.
std::array<QImage, 4> ReportWriter::panelsFor(
    const ReportImage& item, double* scaleMax, QImage* drawnMask, QString* warning) const
{
    QImage mask;  // read first: it goes with the report even where the image cannot be read
    if (!item.maskFile.isEmpty()) {
        mask = QImage(item.maskFile);
        if (!mask.isNull())
            mask = mask.convertToFormat(QImage::Format_Grayscale8);
    }
    *drawnMask = mask;
    const utad::ImageResult& result = item.result;
    cv::Mat source;
    try {
        source = utad::readImage(result.path);
    } catch (const std::exception& e) {
        *warning = QString::fromLocal8Bit(e.what());
        return {};
    }
    std::optional<utad::Inference> inference = readCachedInference(item.cacheFile);
    if (!inference && m_s.options.model) {
        try {
            inference = m_s.options.model->infer(source);
        } catch (const std::exception& e) {
            *warning = QString::fromLocal8Bit(e.what());
        }
    }
    const Thresholds& t = m_s.thresholds;
    PanelStyle style;
    style.heatMax = m_s.options.heatMax;
    cv::Mat predictedMask;  // at the source size, where the minimum area is counted
    if (inference && !inference->anomalyMap.empty()) {
        cv::Mat map = inference->anomalyMap;
        if (map.size() != source.size())
            cv::resize(map, map, source.size());
        if (style.heatMax <= 0)
            cv::minMaxLoc(map, nullptr, &style.heatMax);  // this image's range, before any shrinking
        if (t.pixel > 0)
            predictedMask = predictedRegions(map, t.pixel, t.minRegionArea);
    }
    // Panels are drawn at twice the PNG size at most: a 6000x6000 image would otherwise need four
    // pictures of 144 MB each for a 360-pixel result.
    const int limit = 2 * std::max(16, m_s.options.panelSize);
    if (std::max(source.cols, source.rows) > limit) {
        const double f = double(limit) / std::max(source.cols, source.rows);
        const cv::Size small(std::max(1, int(source.cols * f)), std::max(1, int(source.rows * f)));
        cv::resize(source, source, small, 0, 0, cv::INTER_AREA);
        if (inference && !inference->anomalyMap.empty())
            cv::resize(inference->anomalyMap, inference->anomalyMap, small, 0, 0, cv::INTER_LINEAR);
        if (!predictedMask.empty())
            cv::resize(predictedMask, predictedMask, small, 0, 0, cv::INTER_NEAREST);
    }
    PanelSet set = renderPanels(source, inference ? &*inference : nullptr, style);
    *scaleMax = set.colorScaleMax;
    const QPainterPath predicted = regionOutline(predictedMask);
    QPainterPath drawn;
    if (!mask.isNull())
        drawn = regionOutline(toMat(mask.scaled(source.cols, source.rows)));
    const double penWidth = std::max(1.0, std::max(source.cols, source.rows) / 150.0);
    for (int i = 0; i < 4; ++i) {
        QImage& image = set.images[size_t(i)];
        if (image.isNull())
            continue;
        image = image.convertToFormat(QImage::Format_RGB32);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::NoBrush);
        if ((i == 0 || i == 3) && !predicted.isEmpty()) {
            p.setPen(QPen(Qt::magenta, penWidth));
            p.drawPath(predicted);
        }
        if (i == 0 && !drawn.isEmpty()) {
            p.setPen(QPen(Qt::cyan, penWidth));
            p.drawPath(drawn);
        }
    }
    return set.images;
}

bool ReportWriter::renderAll(QString* error)
{
    int total = 0;
    for (const ReportImage& item : m_s.images)
        total += item.detailed;
    int done = 0;
    const int panelSize = std::max(16, m_s.options.panelSize);
    for (size_t k = 0; k < m_s.images.size(); ++k) {
        const ReportImage& item = m_s.images[k];
        if (!item.detailed)
            continue;
        if (cancelled())
            return false;
        QString warning;
        Rendered& out = m_rendered[k];
        QImage drawn;
        const std::array<QImage, 4> panels = panelsFor(item, &out.scaleMax, &drawn, &warning);
        if (!warning.isEmpty())
            m_warnings << QStringLiteral("%1: %2").arg(m_names[int(k)], warning);
        out.size = panels[0].size();
        const QString stem = QString::fromStdString(utad::panelStem(sampleOf(item.result)));
        for (int i = 0; i < 4; ++i) {
            const QImage& image = panels[size_t(i)];
            if (image.isNull())
                continue;
            const QString name = QStringLiteral("%1_%2.png").arg(stem, QLatin1String(utad::kPanelNames[i]));
            const QImage small = std::max(image.width(), image.height()) > panelSize
                ? image.scaled(panelSize, panelSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                : image;
            if (!writePng(small, QDir(m_filesDir).filePath(name), error))
                return false;
            out.files[size_t(i)] = m_filesName + QLatin1Char('/') + name;
        }
        // The drawn defect travels with the report, not as a path into this user's settings.
        if (!drawn.isNull()) {
            const QString name = stem + QStringLiteral("_drawn.png");
            if (!writePng(drawn, QDir(m_filesDir).filePath(name), error))
                return false;
            out.drawnMask = m_filesName + QLatin1Char('/') + name;
        }
        if (out.scaleMax > 0) {
            // The colour bar with its values, for the HTML (the PDF paints its own).
            QImage legend(300, 44, QImage::Format_RGB32);
            legend.fill(Qt::white);
            QPainter p(&legend);
            QFont font = p.font();
            font.setPixelSize(13);
            p.setFont(font);
            p.setPen(Qt::black);
            paintColorLegend(p, QRectF(4, 3, 292, 38), ColorMap::Jet, out.scaleMax);
            p.end();
            if (!writePng(legend, QDir(m_filesDir).filePath(stem + QStringLiteral("_scale.png")), error))
                return false;
        }
        if (m_callbacks.onImage)
            m_callbacks.onImage(++done, total);
    }
    return true;
}

QStringList ReportWriter::operatingPoint() const
{
    const Thresholds& t = m_s.thresholds;
    const utad::Confusion& c = m_s.confusion;
    return {tr("Image threshold"), localNumber(t.image), tr("Uncertain below"),
        std::isfinite(t.uncertainHigh) ? localNumber(t.uncertainHigh) : tr("off"), tr("Pixel threshold / min. region"),
        QStringLiteral("%1 / %2 px").arg(localNumber(t.pixel)).arg(t.minRegionArea), tr("Image AUROC"),
        std::isfinite(m_s.auroc) ? localNumber(m_s.auroc, 'f', 4) : QStringLiteral("\u2013"),
        tr("Defective: flagged / passed"), QStringLiteral("%1 / %2").arg(c.tp).arg(c.fn), tr("Good: flagged / passed"),
        QStringLiteral("%1 / %2").arg(c.fp).arg(c.tn), tr("Precision"),
        percent(c.tp + c.fp ? c.precision() : utad::kNaN), tr("Recall"), percent(c.tp + c.fn ? c.recall() : utad::kNaN),
        tr("F1"), percent(c.tp + c.fp + c.fn ? c.f1() : utad::kNaN), tr("False-positive rate"),
        percent(c.fp + c.tn ? c.falsePositiveRate() : utad::kNaN)};
}

QString ReportWriter::countsLine() const
{
    int flagged = 0, uncertain = 0, passed = 0, unscored = 0, reviewed = 0;
    for (const ReportImage& im : m_s.images) {
        if (!isScored(im.result))
            ++unscored;
        else if (im.decision == Decision::Defective)
            ++flagged;
        else if (im.decision == Decision::Uncertain)
            ++uncertain;
        else
            ++passed;
        reviewed += im.annotation.reviewed || im.annotation.mark != Mark::None;
    }
    return tr("%n image(s): %1 flagged, %2 uncertain, %3 passed, %4 not scored; %5 reviewed.", nullptr,
        int(m_s.images.size()))
        .arg(flagged)
        .arg(uncertain)
        .arg(passed)
        .arg(unscored)
        .arg(reviewed);
}

// An overall count can hide a kind of defect that passes unseen, so each kind gets its own line.
QStringList ReportWriter::defectTypeLines() const
{
    struct Counts {
        int flagged = 0, uncertain = 0, passed = 0;
    };
    std::map<QString, Counts> kinds;
    for (const ReportImage& im : m_s.images) {
        if (im.result.label != utad::Label::Anomalous || !isScored(im.result))
            continue;
        Counts& c = kinds[QString::fromStdString(im.result.defectType)];
        ++(im.decision == Decision::Defective        ? c.flagged
                : im.decision == Decision::Uncertain ? c.uncertain
                                                     : c.passed);
    }
    if (kinds.size() < 2)
        return {};
    QStringList lines;
    for (const auto& [kind, c] : kinds)
        lines << tr("%1: %2 of %n flagged, %3 uncertain, %4 passed", nullptr, c.flagged + c.uncertain + c.passed)
                     .arg(kind)
                     .arg(c.flagged)
                     .arg(c.uncertain)
                     .arg(c.passed);
    return lines;
}

QString ReportWriter::csv() const
{
    QString csv = QStringLiteral(
        "image,label,defect_type,score,decision,mark,reviewed,note,mask,input,impression,reconstruction,heatmap\n");
    for (size_t k = 0; k < m_s.images.size(); ++k) {
        const ReportImage& item = m_s.images[k];
        const utad::ImageResult& r = item.result;
        const Annotation& a = item.annotation;
        const std::array<QString, 4>& files = m_rendered[k].files;
        csv += QStringList{csvField(QString::fromStdString(r.path)), csvLabel(r.label),
                   csvField(QString::fromStdString(r.defectType)), csvNumber(r.score, 8),
                   isScored(r) ? csvDecision(item.decision) : QStringLiteral("not scored"), csvMark(a.mark),
                   a.reviewed || a.mark != Mark::None ? QStringLiteral("yes") : QStringLiteral("no"), csvField(a.note),
                   csvField(m_rendered[k].drawnMask.isEmpty() ? item.maskFile : m_rendered[k].drawnMask),
                   csvField(files[0]), csvField(files[1]), csvField(files[2]), csvField(files[3])}
                   .join(QLatin1Char(','))
            + QLatin1Char('\n');
    }
    return csv;
}

QString ReportWriter::html() const
{
    auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QString html;
    html += QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
        "<style>body{font-family:sans-serif;max-width:1100px} table{border-collapse:collapse} "
        "td,th{border:1px solid #999;padding:3px 6px;vertical-align:top;text-align:left} "
        "th{background:#eee} td.num{text-align:right} .block{border-top:1px solid #999;margin-top:12px} "
        ".panels td{border:none;padding:2px;text-align:center;font-size:small} "
        ".defective{color:#b01818} .uncertain{color:#b06e00} .good{color:#187818}</style></head><body>\n")
                .arg(esc(tr("Review report")));
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("Review report")));
    html += QStringLiteral("<p>%1<br>%2<br>%3</p>\n")
                .arg(esc(tr("Dataset: %1").arg(m_s.datasetPath)),
                    esc(tr("Model: %1").arg(m_s.modelPath.isEmpty() ? tr("none") : m_s.modelPath)),
                    esc(tr("Written: %1").arg(m_written)));
    html += QStringLiteral("<h2>%1</h2>\n<table>\n").arg(esc(tr("Operating point")));
    const QStringList op = operatingPoint();
    for (int i = 0; i + 1 < op.size(); i += 2)
        html += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(op[i]), esc(op[i + 1]));
    html += QStringLiteral("</table>\n");
    html += QStringLiteral("<p>%1</p>\n").arg(esc(countsLine()));
    const QStringList kinds = defectTypeLines();
    if (!kinds.isEmpty()) {
        html += QStringLiteral("<p>%1").arg(esc(tr("Defective images by defect type:")));
        for (const QString& line : kinds)
            html += QStringLiteral("<br>%1").arg(esc(line));
        html += QStringLiteral("</p>\n");
    }
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(m_s.options.heatMax > 0
                        ? tr("Anomaly maps share one colour scale, 0 to %1 (from the model's calibration).")
                              .arg(localNumber(m_s.options.heatMax, 'g', 3))
                        : tr("Each anomaly map is coloured over its own range.")));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(
                    tr("Outlines: magenta, the predicted defect regions; cyan, the defect drawn by the reviewer.")));

    // Every decision, one row each.
    html += QStringLiteral(
        "<h2>%1</h2>\n<table>\n<tr><th>#</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>\n")
                .arg(esc(tr("All %n image(s)", nullptr, int(m_s.images.size()))), esc(tr("Image")), esc(tr("Truth")),
                    esc(tr("Defect type")), esc(tr("Score")), esc(tr("Decision")), esc(tr("Review")));
    static const char* const kClass[] = {"good", "defective", "uncertain"};
    for (size_t k = 0; k < m_s.images.size(); ++k) {
        const ReportImage& item = m_s.images[k];
        const QString name = item.detailed
            ? QStringLiteral("<a href=\"#img%1\">%2</a>").arg(k + 1).arg(esc(m_names[int(k)]))
            : esc(m_names[int(k)]);
        html += QStringLiteral("<tr><td class=\"num\">%1</td><td>%2</td><td>%3</td><td>%4</td><td class=\"num\">%5</td>"
                               "<td class=\"%6\">%7</td><td>%8</td></tr>\n")
                    .arg(k + 1)
                    .arg(name, esc(labelDisplayName(item.result.label)),
                        esc(QString::fromStdString(item.result.defectType)), esc(scoreText(item)),
                        QLatin1String(isScored(item.result) ? kClass[int(item.decision)] : ""), esc(decisionText(item)),
                        esc(reviewText(item.annotation)));
    }
    html += QStringLiteral("</table>\n");

    // The flagged and annotated images with their panels.
    const QStringList titles = panelTitles(PanelMode::Stages);
    int detailed = 0;
    for (const ReportImage& item : m_s.images)
        detailed += item.detailed;
    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("%n image(s) flagged or annotated", nullptr, detailed)));
    for (size_t k = 0; k < m_s.images.size(); ++k) {
        const ReportImage& item = m_s.images[k];
        if (!item.detailed)
            continue;
        const Rendered& rendered = m_rendered[k];
        const Annotation& a = item.annotation;
        html += QStringLiteral("<div class=\"block\" id=\"img%1\"><h3>%1. %2</h3>\n<p>")
                    .arg(k + 1)
                    .arg(esc(m_names[int(k)]));
        html += QStringLiteral("%1 &middot; <b class=\"%2\">%3</b> &middot; %4 &middot; %5")
                    .arg(esc(tr("Score %1").arg(scoreText(item))),
                        QLatin1String(isScored(item.result) ? kClass[int(item.decision)] : ""), esc(decisionText(item)),
                        esc(tr("Truth: %1").arg(labelDisplayName(item.result.label))),
                        esc(tr("Review: %1").arg(reviewText(a))));
        if (!item.maskFile.isEmpty())
            html += QStringLiteral(" &middot; %1").arg(esc(tr("defect drawn")));
        if (!a.note.isEmpty())
            html += QStringLiteral("<br><i>%1</i>").arg(esc(a.note));
        html += QStringLiteral("</p>\n<table class=\"panels\"><tr>");
        for (int i = 0; i < 4; ++i) {
            QString title = titles.value(i);
            if (i == 3 && rendered.scaleMax > 0)
                title += QStringLiteral(" (%1)").arg(scaleText(rendered.scaleMax));
            html += QStringLiteral("<td>%1<br>").arg(esc(title));
            if (!rendered.files[size_t(i)].isEmpty())
                html += QStringLiteral("<img src=\"%1\" width=\"%2\" alt=\"%3\">")
                            .arg(esc(rendered.files[size_t(i)]))
                            .arg(260)
                            .arg(esc(title));
            html += QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr></table>\n");
        if (rendered.scaleMax > 0) {
            const QString stem = QString::fromStdString(utad::panelStem(sampleOf(item.result)));
            html += QStringLiteral("<img src=\"%1/%2_scale.png\" width=\"300\" alt=\"%3\">\n")
                        .arg(esc(m_filesName), esc(stem), esc(scaleText(rendered.scaleMax)));
        }
        html += QStringLiteral("</div>\n");
    }
    if (!m_warnings.isEmpty()) {
        html += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(esc(tr("Warnings")));
        for (const QString& w : m_warnings)
            html += QStringLiteral("<li>%1</li>\n").arg(esc(w));
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("</body></html>\n");
    return html;
}

// The PDF, laid out for A4 paper in two passes: the first places every element on a page (so the
// summary can say on which page each image's panels are, and pages can say "of N"), the second
// paints them.
bool ReportWriter::pdf(QSaveFile& out, QString* error)
{
    const QString pdfPath = out.fileName();
    if (m_callbacks.onPdf)
        m_callbacks.onPdf();
    QPdfWriter writer(&out);
    writer.setResolution(300);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(12, 12, 12, 10), QPageLayout::Millimeter);
    writer.setTitle(tr("Review report"));
    writer.setCreator(QStringLiteral("UTAD Workbench"));
    const double dpmm = writer.resolution() / 25.4;
    auto mm = [dpmm](double v) { return v * dpmm; };
    const double pageW = writer.width();
    const double footerH = mm(6);
    const double pageH = writer.height() - footerH;

    auto font = [](double points, bool bold = false) {
        QFont f(QStringLiteral("Sans Serif"));
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    };
    const QFont titleFont = font(16, true), headingFont = font(11, true), bodyFont = font(8.5),
                boldFont = font(8.5, true), smallFont = font(7), headFont = font(9, true);
    const double lineH = QFontMetricsF(bodyFont, &writer).height() * 1.25;
    const double smallH = QFontMetricsF(smallFont, &writer).height() * 1.2;
    const double rowH = lineH * 1.05;

    // Summary table: one row per image. Every column but the image's fits its widest cell (in the
    // report's language); the image's path gets the rest.
    const QStringList columns{QStringLiteral("#"), tr("Image"), tr("Truth"), tr("Defect type"), tr("Score"),
        tr("Decision"), tr("Review"), tr("Page")};
    auto rowCells = [&](size_t k, const QString& page) {
        const ReportImage& im = m_s.images[k];
        return QStringList{QString::number(k + 1), m_names[int(k)], labelDisplayName(im.result.label),
            QString::fromStdString(im.result.defectType), scoreText(im), decisionText(im), reviewText(im.annotation),
            page};
    };
    std::array<double, 9> colX{};
    {
        const QFontMetricsF bodyMetrics(bodyFont, &writer), boldMetrics(boldFont, &writer);
        std::array<double, 8> widths{};
        for (size_t c = 0; c < widths.size(); ++c)
            widths[c] = boldMetrics.horizontalAdvance(columns[int(c)]);
        const QString widestPage = QString::number(std::max<size_t>(m_s.images.size(), 99));
        for (size_t k = 0; k < m_s.images.size(); ++k) {
            const QStringList cells = rowCells(k, widestPage);
            for (size_t c = 0; c < widths.size(); ++c)
                if (c != 1)
                    widths[c]
                        = std::max(widths[c], (c == 5 ? boldMetrics : bodyMetrics).horizontalAdvance(cells[int(c)]));
        }
        const std::array<double, 8> capsMm{12, 0, 28, 34, 20, 26, 38, 12};
        double others = 0;
        for (size_t c = 0; c < widths.size(); ++c)
            if (c != 1) {
                widths[c] = std::min(widths[c] + mm(2.5), mm(capsMm[c]));
                others += widths[c];
            }
        const double minImage = mm(50);
        if (pageW - others < minImage)
            for (size_t c = 0; c < widths.size(); ++c)
                widths[c] *= (pageW - minImage) / others;
        widths[1] = std::max(minImage, pageW - std::min(others, pageW - minImage));
        double x = 0;
        for (size_t c = 0; c < widths.size(); ++c) {
            colX[c] = x;
            x += widths[c];
        }
        colX[8] = pageW;
    }

    // Blocks: four panels and, right of the anomaly map, its colour bar.
    const double gap = mm(2), legendW = mm(15), maxPanelH = mm(60);
    const double cellW = (pageW - legendW - 3 * gap) / 4;
    auto panelSize = [&](const QSize& source) {
        if (source.isEmpty())
            return QSizeF(cellW, std::min(cellW * 0.6, maxPanelH));
        const double aspect = double(source.width()) / source.height();
        const double h = std::min(cellW / aspect, maxPanelH);
        return QSizeF(h * aspect, h);
    };
    auto noteLines = [&](const QString& note) {
        if (note.isEmpty())
            return 0.0;
        const QRectF r
            = QFontMetricsF(bodyFont, &writer).boundingRect(QRectF(0, 0, pageW, 1e6), Qt::TextWordWrap, note);
        return std::min(r.height(), 4 * lineH) + lineH * 0.2;
    };
    auto blockHeight = [&](size_t k) {
        return lineH * 1.3 + lineH + noteLines(m_s.images[k].annotation.note) + smallH
            + panelSize(m_rendered[k].size).height() + mm(4);
    };

    // Pass 1: where everything goes.
    enum class Kind { Front, Heading, TableHead, Row, Block, Warning };
    struct Item {
        Kind kind;
        int index;  // row or block: the image; heading: which one; warning: its index
        int page;
        double y, h;
    };
    std::vector<Item> items;
    std::vector<int> blockPage(m_s.images.size(), 0);
    int page = 0;
    double y = 0;
    auto place = [&](Kind kind, int index, double h, bool keepWithNext = false, double nextH = 0) {
        if (y > 0 && y + h + (keepWithNext ? nextH : 0) > pageH) {
            ++page;
            y = 0;
        }
        items.push_back({kind, index, page, y, h});
        y += h;
    };
    const QStringList op = operatingPoint();
    // The operating point's name/value pairs: two to a line where the longest name and value fit in
    // half the width (names differ in length from language to language), else one.
    double opNameW = 0, opValueW = 0;
    const QFontMetricsF opNames(boldFont, &writer), opValues(bodyFont, &writer);
    for (int i = 0; i + 1 < op.size(); i += 2) {
        opNameW = std::max(opNameW, opNames.horizontalAdvance(op[i]) + mm(4));
        opValueW = std::max(opValueW, opValues.horizontalAdvance(op[i + 1]) + mm(6));
    }
    const int opPerLine = opNameW + opValueW <= pageW / 2 ? 2 : 1;
    const double opColumnW = pageW / opPerLine;
    opNameW = std::min(opNameW, opColumnW - std::min(opValueW, opColumnW / 3));
    const int opLines = (int(op.size()) / 2 + opPerLine - 1) / opPerLine;
    const QStringList kinds = defectTypeLines();
    const double kindsH = kinds.isEmpty() ? 0 : (kinds.size() + 1) * lineH;
    const double frontH
        = mm(9) + 3 * lineH + mm(3) + mm(7) + opLines * rowH + mm(3) + kindsH + 3 * lineH + mm(10) + mm(4);
    place(Kind::Front, 0, frontH);
    const double headingH = mm(9);
    place(Kind::Heading, 0, headingH, true, 2 * rowH);
    for (size_t k = 0; k < m_s.images.size(); ++k) {
        // The column titles head the table on every page it reaches.
        if (k == 0 || y + rowH > pageH)
            place(Kind::TableHead, 0, rowH, true, rowH);
        place(Kind::Row, int(k), rowH);
    }
    bool firstBlock = true;
    for (size_t k = 0; k < m_s.images.size(); ++k) {
        if (!m_s.images[k].detailed)
            continue;
        if (firstBlock) {
            // The panels start on a page of their own.
            ++page;
            y = 0;
            place(Kind::Heading, 1, headingH);
            firstBlock = false;
        }
        place(Kind::Block, int(k), blockHeight(k));
        blockPage[k] = items.back().page;
    }
    if (!m_warnings.isEmpty()) {
        place(Kind::Heading, 2, headingH, true, lineH);
        for (int i = 0; i < m_warnings.size(); ++i)
            place(Kind::Warning, i, lineH);
    }
    const int pages = page + 1;

    // Pass 2: paint.
    QPainter p;
    if (!p.begin(&writer)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(pdfPath, tr("the PDF could not be started"));
        return false;
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QPen thin(QColor(150, 150, 150), mm(0.2));
    auto text = [&](const QRectF& r, const QString& s, const QFont& f, int flags = Qt::AlignLeft | Qt::AlignVCenter,
                    const QColor& color = Qt::black) {
        p.setFont(f);
        p.setPen(color);
        const QString shown
            = (flags & Qt::TextWordWrap) ? s : QFontMetricsF(f, &writer).elidedText(s, Qt::ElideMiddle, r.width());
        p.drawText(r, flags, shown);
    };
    const QString datasetName = QFileInfo(m_s.datasetPath).fileName();
    auto footer = [&](int n) {
        const QRectF r(0, pageH + mm(1), pageW, footerH - mm(1));
        p.setPen(thin);
        p.drawLine(r.topLeft(), r.topRight());
        text(r.adjusted(0, mm(0.5), 0, 0), tr("Review report, %1, %2").arg(datasetName, m_written), smallFont);
        text(r.adjusted(0, mm(0.5), 0, 0), tr("Page %1 of %2").arg(n + 1).arg(pages), smallFont,
            Qt::AlignRight | Qt::AlignVCenter);
    };
    int current = 0;
    int warningsDone = 0;
    for (size_t n = 0; n < items.size(); ++n) {
        const Item& item = items[n];
        if (cancelled()) {
            p.end();
            return false;
        }
        if (item.page != current) {
            footer(current);
            writer.newPage();
            current = item.page;
        }
        const double top = item.y;
        switch (item.kind) {
        case Kind::Front: {
            double yy = top;
            text(QRectF(0, yy, pageW, mm(9)), tr("Review report"), titleFont);
            yy += mm(9);
            for (const QString& line : {tr("Dataset: %1").arg(m_s.datasetPath),
                     tr("Model: %1").arg(m_s.modelPath.isEmpty() ? tr("none") : m_s.modelPath),
                     tr("Written: %1").arg(m_written)}) {
                text(QRectF(0, yy, pageW, lineH), line, bodyFont);
                yy += lineH;
            }
            yy += mm(3);
            text(QRectF(0, yy, pageW, mm(7)), tr("Operating point"), headingFont);
            yy += mm(7);
            for (int i = 0; i + 1 < op.size(); i += 2) {
                const int pair = i / 2;
                const double x = (pair % opPerLine) * opColumnW;
                const double ry = yy + (pair / opPerLine) * rowH;
                text(QRectF(x, ry, opNameW, rowH), op[i], boldFont);
                text(QRectF(x + opNameW, ry, opColumnW - opNameW, rowH), op[i + 1], bodyFont);
            }
            yy += opLines * rowH + mm(3);
            text(QRectF(0, yy, pageW, lineH), countsLine(), bodyFont);
            yy += lineH;
            if (!kinds.isEmpty()) {
                text(QRectF(0, yy, pageW, lineH), tr("Defective images by defect type:"), bodyFont);
                yy += lineH;
                for (const QString& line : kinds) {
                    text(QRectF(mm(4), yy, pageW - mm(4), lineH), line, bodyFont);
                    yy += lineH;
                }
            }
            text(QRectF(0, yy, pageW, lineH),
                tr("Outlines: magenta, the predicted defect regions; cyan, the defect drawn by the reviewer."),
                bodyFont);
            yy += lineH + mm(1);
            if (m_s.options.heatMax > 0) {
                text(QRectF(0, yy, pageW, lineH),
                    tr("Anomaly maps share one colour scale, 0 to %1 (from the model's calibration).")
                        .arg(localNumber(m_s.options.heatMax, 'g', 3)),
                    bodyFont);
                p.setFont(smallFont);
                p.setPen(Qt::black);
                paintColorLegend(p, QRectF(0, yy + lineH + mm(1), std::min(mm(80), pageW), mm(8)), ColorMap::Jet,
                    m_s.options.heatMax);
            } else {
                text(QRectF(0, yy, pageW, lineH), tr("Each anomaly map is coloured over its own range."), bodyFont);
            }
            break;
        }
        case Kind::Heading: {
            int detailed = 0;
            for (const ReportImage& im : m_s.images)
                detailed += im.detailed;
            const QString heading = item.index == 0 ? tr("All %n image(s)", nullptr, int(m_s.images.size()))
                : item.index == 1                   ? tr("%n image(s) flagged or annotated", nullptr, detailed)
                                                    : tr("Warnings");
            text(QRectF(0, top, pageW, item.h - mm(2)), heading, headingFont, Qt::AlignLeft | Qt::AlignBottom);
            break;
        }
        case Kind::TableHead: {
            p.fillRect(QRectF(0, top, pageW, item.h), QColor(225, 225, 225));
            for (size_t c = 0; c < size_t(columns.size()); ++c) {
                const int align = (c == 0 || c == 4 || c == 7) ? Qt::AlignRight : Qt::AlignLeft;
                text(QRectF(colX[c] + mm(1), top, colX[c + 1] - colX[c] - mm(2), item.h), columns[int(c)], boldFont,
                    align | Qt::AlignVCenter);
            }
            break;
        }
        case Kind::Row: {
            const size_t k = size_t(item.index);
            const ReportImage& im = m_s.images[k];
            if (k % 2)
                p.fillRect(QRectF(0, top, pageW, item.h), QColor(244, 244, 244));
            const QStringList cells = rowCells(k, im.detailed ? QString::number(blockPage[k] + 1) : QString());
            for (int c = 0; c < cells.size(); ++c) {
                const int align = (c == 0 || c == 4 || c == 7) ? Qt::AlignRight : Qt::AlignLeft;
                const QColor color = c == 5 ? decisionColor(im) : QColor(Qt::black);
                text(QRectF(colX[size_t(c)] + mm(1), top, colX[size_t(c) + 1] - colX[size_t(c)] - mm(2), item.h),
                    cells[c], c == 5 && isScored(im.result) && im.decision != Decision::Good ? boldFont : bodyFont,
                    align | Qt::AlignVCenter, color);
            }
            break;
        }
        case Kind::Block: {
            const size_t k = size_t(item.index);
            const ReportImage& im = m_s.images[k];
            const Rendered& rendered = m_rendered[k];
            const Annotation& a = im.annotation;
            double yy = top;
            p.setPen(thin);
            p.drawLine(QPointF(0, yy), QPointF(pageW, yy));
            const QString decision = decisionText(im);
            const QString right = tr("Score %1").arg(scoreText(im));
            const double decisionW = QFontMetricsF(headFont, &writer).horizontalAdvance(decision) + mm(1);
            const double rightW = QFontMetricsF(headFont, &writer).horizontalAdvance(right + QStringLiteral("   "));
            text(QRectF(0, yy, pageW - decisionW - rightW, lineH * 1.3),
                QStringLiteral("%1. %2").arg(k + 1).arg(m_names[int(k)]), headFont);
            text(QRectF(pageW - decisionW - rightW, yy, rightW, lineH * 1.3), right, headFont,
                Qt::AlignLeft | Qt::AlignVCenter);
            text(QRectF(pageW - decisionW, yy, decisionW, lineH * 1.3), decision, headFont,
                Qt::AlignRight | Qt::AlignVCenter, decisionColor(im));
            yy += lineH * 1.3;
            QString info = tr("Truth: %1").arg(labelDisplayName(im.result.label));
            const QString type = QString::fromStdString(im.result.defectType);
            // The type is worth a word where it says more than the label (MVTec's "crack", not "good").
            if (!type.isEmpty() && type != QLatin1String("good") && type != QLatin1String("defective")
                && type != labelDisplayName(im.result.label))
                info += QStringLiteral(" (%1)").arg(type);
            info += QStringLiteral("  \u00b7  ") + tr("Review: %1").arg(reviewText(a));
            if (!im.maskFile.isEmpty())
                info += QStringLiteral("  \u00b7  ") + tr("defect drawn");
            text(QRectF(0, yy, pageW, lineH), info, bodyFont);
            yy += lineH;
            if (!a.note.isEmpty()) {
                const double h = noteLines(a.note);
                QFont italic = bodyFont;
                italic.setItalic(true);
                p.save();
                p.setClipRect(QRectF(0, yy, pageW, h));
                text(QRectF(0, yy, pageW, h), a.note, italic, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap);
                p.restore();
                yy += h;
            }
            const QSizeF ps = panelSize(rendered.size);
            const QStringList titles = panelTitles(PanelMode::Stages);
            for (int i = 0; i < 4; ++i) {
                const double x = i * (cellW + gap);
                text(QRectF(x, yy, cellW, smallH), titles.value(i), smallFont, Qt::AlignLeft | Qt::AlignVCenter,
                    QColor(60, 60, 60));
                const QRectF target(x, yy + smallH, ps.width(), ps.height());
                QImage image;
                if (!rendered.files[size_t(i)].isEmpty())
                    image = QImage(QFileInfo(m_htmlPath).dir().filePath(rendered.files[size_t(i)]));
                if (image.isNull()) {
                    p.setPen(thin);
                    p.setBrush(QColor(240, 240, 240));
                    p.drawRect(target);
                    p.setBrush(Qt::NoBrush);
                    text(target, tr("not available"), smallFont, Qt::AlignCenter, QColor(110, 110, 110));
                } else {
                    p.drawImage(target, image);
                }
            }
            if (rendered.scaleMax > 0) {
                p.setFont(smallFont);
                p.setPen(Qt::black);
                const double x = 3 * (cellW + gap) + ps.width() + mm(1.5);
                paintColorLegend(p, QRectF(x, yy + smallH, pageW - x, std::max(ps.height(), mm(14))), ColorMap::Jet,
                    rendered.scaleMax);
            }
            break;
        }
        case Kind::Warning: text(QRectF(0, top, pageW, item.h), m_warnings[warningsDone++], bodyFont); break;
        }
    }
    footer(current);
    if (!p.end()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(pdfPath, out.errorString());
        return false;
    }
    return true;
}

bool ReportWriter::write(const QString& pdfPath, QString* error)
{
    if (!QDir().mkpath(m_filesDir)) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(m_filesDir);
        return false;
    }
    if (!renderAll(error) || cancelled())
        return false;
    const QString csvText = csv();
    const QString htmlText = html();
    // The PDF is painted after the panels (it reads them back from the folder) and committed last,
    // so that a cancelled or failed report leaves none of the three files.
    std::optional<QSaveFile> pdfFile;
    if (!pdfPath.isEmpty()) {
        pdfFile.emplace(pdfPath);
        if (!pdfFile->open(QIODevice::WriteOnly)) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(pdfPath, pdfFile->errorString());
            return false;
        }
        if (!pdf(*pdfFile, error)) {
            pdfFile->cancelWriting();
            return false;
        }
    }
    if (cancelled()) {
        if (pdfFile)
            pdfFile->cancelWriting();
        return false;
    }
    if (!writeAtomically(reportCsvPath(m_htmlPath), csvText.toUtf8(), error)
        || !writeAtomically(m_htmlPath, htmlText.toUtf8(), error))
        return false;
    if (pdfFile && !pdfFile->commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(pdfPath, pdfFile->errorString());
        return false;
    }
    return true;
}

}  // namespace

QString reportCsvPath(const QString& htmlPath)
{
    const QFileInfo info(htmlPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".csv"));
}

QString reportPdfPath(const QString& htmlPath)
{
    const QFileInfo info(htmlPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".pdf"));
}

QString reportFilesDir(const QString& htmlPath)
{
    const QFileInfo info(htmlPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("_files"));
}

QStringList reportDetailImages(const Project& project)
{
    QStringList paths;
    for (const utad::ImageResult& r : project.results()) {
        const QString path = QString::fromStdString(r.path);
        const Annotation a = project.annotations()->annotation(path);
        const bool flagged = isScored(r) && project.decide(r.score) != Decision::Good;
        if (flagged || matchesReviewFilter(ReviewFilter::Annotated, project, &r, a))
            paths << path;
    }
    return paths;
}

ReportSnapshot snapshotReport(const Project& project, const ReportOptions& options)
{
    ReportSnapshot snapshot;
    snapshot.datasetPath = project.datasetPath();
    snapshot.modelPath = project.modelPath();
    snapshot.thresholds = project.thresholds();
    snapshot.options = options;
    if (options.model)
        snapshot.options.heatMax = utad::heatmapScale(options.model->info());
    const ScoreIndex index(project.results(), project.annotations());
    snapshot.confusion = index.confusionAt(snapshot.thresholds.image);
    snapshot.auroc = index.auroc();
    const QStringList detailedList = reportDetailImages(project);
    const QSet<QString> detailed(detailedList.cbegin(), detailedList.cend());
    snapshot.images.reserve(project.results().size());
    for (const utad::ImageResult& r : project.results()) {
        const QString path = QString::fromStdString(r.path);
        ReportImage item;
        item.result = r;
        item.decision = project.decide(r.score);
        item.annotation = project.annotations()->annotation(path);
        item.maskFile = project.annotations()->maskPath(path);
        item.cacheFile = project.panelCacheFile(path);
        item.detailed = detailed.contains(path);
        snapshot.images.push_back(std::move(item));
    }
    return snapshot;
}

bool writeReviewReport(const Project& project, const QString& htmlPath, const QString& pdfPath, QString* error,
    const ReportOptions& options)
{
    return writeReviewReport(snapshotReport(project, options), htmlPath, pdfPath, error);
}

bool writeReviewReport(const ReportSnapshot& snapshot, const QString& htmlPath, const QString& pdfPath, QString* error,
    const ReportCallbacks& callbacks)
{
    ReportWriter writer(snapshot, htmlPath, callbacks);
    return writer.write(pdfPath, error);
}

}  // namespace utad::ui
