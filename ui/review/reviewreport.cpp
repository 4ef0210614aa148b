#include "ui/review/reviewreport.h"

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
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>
#include <cmath>
#include <optional>

namespace utad::ui {
namespace {

bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
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

QString number(double v, int digits = 5)
{
    return std::isfinite(v) ? QString::number(v, 'g', digits) : QString();
}

QString percent(double v) { return std::isfinite(v) ? QStringLiteral("%1 %").arg(100 * v, 0, 'f', 1) : QStringLiteral("–"); }

// The four panels as the inspector shows them, with the predicted regions outlined in yellow and
// the reviewer's mask in cyan on the input.
std::array<QImage, 4> panelsFor(const ReportSnapshot& snapshot, const ReportImage& item, QString* warning)
{
    const utad::ImageResult& result = item.result;
    cv::Mat source;
    try {
        source = utad::readImage(result.path);
    } catch (const std::exception& e) {
        *warning = QString::fromLocal8Bit(e.what());
        return {};
    }
    std::optional<utad::Inference> inference = readCachedInference(item.cacheFile);
    if (!inference && snapshot.options.model) {
        try {
            inference = snapshot.options.model->infer(source);
        } catch (const std::exception& e) {
            *warning = QString::fromLocal8Bit(e.what());
        }
    }
    const Thresholds& t = snapshot.thresholds;
    PanelStyle style;
    style.heatMax = t.pixel > 0 ? 2 * t.pixel : 0;
    PanelSet set = renderPanels(source, inference ? &*inference : nullptr, style);
    QPainterPath predicted;
    if (inference && !inference->anomalyMap.empty() && t.pixel > 0)
        predicted = regionOutline(predictedRegions(inference->anomalyMap, t.pixel, t.minRegionArea));
    QImage mask;
    if (!item.maskFile.isEmpty()) {
        mask = QImage(item.maskFile);
        if (!mask.isNull())
            mask = mask.convertToFormat(QImage::Format_Grayscale8);
    }
    QPainterPath drawn;
    if (!mask.isNull())
        drawn = regionOutline(toMat(mask.scaled(source.cols, source.rows)));
    const double penWidth = std::max(1.0, std::max(source.cols, source.rows) / 200.0);
    for (int i = 0; i < 4; ++i) {
        QImage& image = set.images[size_t(i)];
        if (image.isNull())
            continue;
        image = image.convertToFormat(QImage::Format_RGB32);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::NoBrush);
        if ((i == 0 || i == 3) && !predicted.isEmpty()) {
            p.setPen(QPen(Qt::yellow, penWidth));
            p.drawPath(predicted);
        }
        if (i == 0 && !drawn.isEmpty()) {
            p.setPen(QPen(Qt::cyan, penWidth));
            p.drawPath(drawn);
        }
    }
    return set.images;
}

utad::Sample sampleOf(const utad::ImageResult& r)
{
    utad::Sample s;
    s.path = r.path;
    s.label = r.label;
    s.defectType = r.defectType;
    return s;
}

} // namespace

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

QStringList reportImages(const Project& project)
{
    QStringList paths;
    for (const utad::ImageResult& r : project.results()) {
        const QString path = QString::fromStdString(r.path);
        const Annotation a = project.annotations()->annotation(path);
        const bool flagged = r.error.empty() && std::isfinite(r.score) && project.decide(r.score) != Decision::Good;
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
    const ScoreIndex index(project.results(), project.annotations());
    snapshot.confusion = index.confusionAt(snapshot.thresholds.image);
    snapshot.auroc = index.auroc();
    const QStringList listed = reportImages(project);
    snapshot.images.reserve(size_t(listed.size()));
    for (const QString& path : listed) {
        ReportImage item;
        item.result = project.results()[size_t(project.indexOf(path))];
        item.decision = project.decide(item.result.score);
        item.annotation = project.annotations()->annotation(path);
        item.maskFile = project.annotations()->maskPath(path);
        item.cacheFile = project.panelCacheFile(path);
        snapshot.images.push_back(std::move(item));
    }
    return snapshot;
}

bool writeReviewReport(const Project& project, const QString& htmlPath, QString* error, const ReportOptions& options)
{
    return writeReviewReport(snapshotReport(project, options), htmlPath, error);
}

bool writeReviewReport(const ReportSnapshot& snapshot, const QString& htmlPath, QString* error, const ReportCallbacks& callbacks)
{
    const QString filesDir = reportFilesDir(htmlPath);
    if (!QDir().mkpath(filesDir)) {
        if (error)
            *error = QObject::tr("Cannot create the folder %1.").arg(filesDir);
        return false;
    }
    const QString filesName = QFileInfo(filesDir).fileName();
    const Thresholds& t = snapshot.thresholds;
    const utad::Confusion& c = snapshot.confusion;
    const ReportOptions& options = snapshot.options;
    const bool band = std::isfinite(t.uncertainHigh);

    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
                           "<style>body{font-family:sans-serif} table{border-collapse:collapse} "
                           "td,th{border:1px solid #999;padding:4px;vertical-align:top} "
                           "th{background:#eee}</style></head><body>\n")
                .arg(QObject::tr("Review report").toHtmlEscaped());
    html += QStringLiteral("<h1>%1</h1>\n").arg(QObject::tr("Review report").toHtmlEscaped());
    html += QStringLiteral("<p>%1<br>%2<br>%3</p>\n")
                .arg(QObject::tr("Dataset: %1").arg(snapshot.datasetPath).toHtmlEscaped(),
                     QObject::tr("Model: %1").arg(snapshot.modelPath.isEmpty() ? QObject::tr("none") : snapshot.modelPath).toHtmlEscaped(),
                     QObject::tr("Written: %1").arg(QDateTime::currentDateTime().toString(Qt::ISODate)).toHtmlEscaped());
    html += QStringLiteral("<h2>%1</h2>\n<table>\n").arg(QObject::tr("Operating point").toHtmlEscaped());
    auto row = [&html](const QString& name, const QString& value) {
        html += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(QObject::tr("Image threshold"), number(t.image));
    row(QObject::tr("Uncertain below"), band ? number(t.uncertainHigh) : QObject::tr("off"));
    row(QObject::tr("Pixel threshold / min. region"), QStringLiteral("%1 / %2 px").arg(number(t.pixel)).arg(t.minRegionArea));
    row(QObject::tr("Image AUROC"), std::isfinite(snapshot.auroc) ? QString::number(snapshot.auroc, 'f', 4) : QStringLiteral("–"));
    row(QObject::tr("Defective: flagged / passed"), QStringLiteral("%1 / %2").arg(c.tp).arg(c.fn));
    row(QObject::tr("Good: flagged / passed"), QStringLiteral("%1 / %2").arg(c.fp).arg(c.tn));
    row(QObject::tr("Precision"), percent(c.tp + c.fp ? c.precision() : utad::kNaN));
    row(QObject::tr("Recall"), percent(c.tp + c.fn ? c.recall() : utad::kNaN));
    row(QObject::tr("F1"), percent(c.tp + c.fp + c.fn ? c.f1() : utad::kNaN));
    row(QObject::tr("False-positive rate"), percent(c.fp + c.tn ? c.falsePositiveRate() : utad::kNaN));
    html += QStringLiteral("</table>\n");

    QString csv = QStringLiteral("image,label,defect_type,score,decision,mark,reviewed,note,mask,input,impression,reconstruction,heatmap\n");
    const int total = int(snapshot.images.size());
    html += QStringLiteral("<h2>%1</h2>\n<table>\n<tr><th>%2</th><th>%3</th><th colspan=\"4\">%4</th></tr>\n")
                .arg(QObject::tr("%n image(s) flagged or annotated", nullptr, total).toHtmlEscaped(),
                     QObject::tr("Image").toHtmlEscaped(), QObject::tr("Review").toHtmlEscaped(),
                     QObject::tr("Input, impression, reconstruction, anomaly map").toHtmlEscaped());
    QStringList warnings;
    int done = 0;
    for (const ReportImage& item : snapshot.images) {
        if (callbacks.isCancelled && callbacks.isCancelled())
            return false;
        const utad::ImageResult& r = item.result;
        const Annotation& a = item.annotation;
        const QString path = QString::fromStdString(r.path);
        const QString stem = QString::fromStdString(utad::panelStem(sampleOf(r)));
        QString warning;
        const std::array<QImage, 4> panels = panelsFor(snapshot, item, &warning);
        if (!warning.isEmpty())
            warnings << warning;
        QStringList files;
        for (int i = 0; i < 4; ++i) {
            const QImage& image = panels[size_t(i)];
            if (image.isNull()) {
                files << QString();
                continue;
            }
            const QString name = QStringLiteral("%1_%2.png").arg(stem, QLatin1String(utad::kPanelNames[i]));
            const QImage small = std::max(image.width(), image.height()) > options.panelSize
                                     ? image.scaled(options.panelSize, options.panelSize, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                     : image;
            if (!writePng(small, QDir(filesDir).filePath(name), error))
                return false;
            files << filesName + QLatin1Char('/') + name;
        }
        const bool scored = r.error.empty() && std::isfinite(r.score);
        const QString decision = scored ? decisionName(int(item.decision)) : QObject::tr("Not scored");
        const QString& maskFile = item.maskFile;
        csv += QStringList{csvField(path), csvField(labelDisplayName(r.label)), csvField(QString::fromStdString(r.defectType)),
                           number(r.score, 8), csvField(decision), csvField(a.mark == Mark::None ? QString() : markName(a.mark)),
                           a.reviewed || a.mark != Mark::None ? QStringLiteral("yes") : QStringLiteral("no"), csvField(a.note),
                           csvField(maskFile), csvField(files[0]), csvField(files[1]), csvField(files[2]), csvField(files[3])}
                   .join(QLatin1Char(','))
               + QLatin1Char('\n');

        QString review = a.mark == Mark::None ? (a.reviewed ? QObject::tr("Reviewed, decision OK") : QObject::tr("Unreviewed"))
                                              : markName(a.mark);
        html += QStringLiteral("<tr><td><b>%1</b><br>%2<br>%3<br>%4</td><td>%5%6%7</td>")
                    .arg(QFileInfo(path).fileName().toHtmlEscaped(),
                         QObject::tr("Score %1").arg(number(r.score)).toHtmlEscaped(),
                         QObject::tr("Model: %1").arg(decision).toHtmlEscaped(),
                         QObject::tr("Truth: %1").arg(labelDisplayName(r.label)).toHtmlEscaped(), review.toHtmlEscaped(),
                         a.note.isEmpty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(a.note.toHtmlEscaped()),
                         maskFile.isEmpty() ? QString() : QStringLiteral("<br>%1").arg(QObject::tr("defect drawn").toHtmlEscaped()));
        for (const QString& f : files)
            html += f.isEmpty() ? QStringLiteral("<td></td>")
                                : QStringLiteral("<td><img src=\"%1\" width=\"%2\"></td>").arg(f.toHtmlEscaped()).arg(options.panelSize / 2 + 32);
        html += QStringLiteral("</tr>\n");
        if (callbacks.onImage)
            callbacks.onImage(++done, total);
    }
    html += QStringLiteral("</table>\n");
    if (!warnings.isEmpty()) {
        html += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(QObject::tr("Warnings").toHtmlEscaped());
        for (const QString& w : warnings)
            html += QStringLiteral("<li>%1</li>\n").arg(w.toHtmlEscaped());
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("</body></html>\n");
    if (callbacks.isCancelled && callbacks.isCancelled())
        return false;

    return writeAtomically(reportCsvPath(htmlPath), csv.toUtf8(), error) && writeAtomically(htmlPath, html.toUtf8(), error);
}

bool printReviewReport(const QString& htmlPath, const QString& pdfPath, QString* error,
                       const std::function<bool()>& isCancelled)
{
    QFile in(htmlPath);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QObject::tr("Cannot read the report %1: %2").arg(htmlPath, in.errorString());
        return false;
    }
    QTextDocument document;
    // Relative image paths resolve against the report's folder.
    document.setBaseUrl(QUrl::fromLocalFile(QFileInfo(htmlPath).absolutePath() + QLatin1Char('/')));
    document.setHtml(QString::fromUtf8(in.readAll()));

    QSaveFile out(pdfPath);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(pdfPath, out.errorString());
        return false;
    }
    {
        QPdfWriter writer(&out);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setTitle(QObject::tr("Review report"));
        writer.setCreator(QStringLiteral("UTAD Workbench"));
        document.print(&writer);
    }
    if (isCancelled && isCancelled()) {
        out.cancelWriting();
        return false;
    }
    if (!out.commit()) {
        if (error)
            *error = QObject::tr("Cannot write %1: %2").arg(pdfPath, out.errorString());
        return false;
    }
    return true;
}

} // namespace utad::ui
