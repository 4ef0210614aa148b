#include "ui/review/retrain.h"

#include "ui/format.h"
#include "ui/imagelistmodel.h"
#include "ui/review/annotationstore.h"
#include "ui/review/reviewfilter.h"
#include "ui/review/scoreindex.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace utad::ui {

// Training takes most of the time; scoring the test set the rest.
constexpr double kTrainingShare = 0.85;

utad::Dataset datasetWithFalsePositives(const utad::Dataset& dataset, const AnnotationStore& annotations, int* added)
{
    utad::Dataset copy = dataset;
    QSet<QString> inTraining;
    for (const utad::Sample& s : dataset.train)
        inTraining.insert(QString::fromStdString(s.path));
    int n = 0;
    for (const utad::Sample& s : dataset.test) {
        const QString path = QString::fromStdString(s.path);
        if (annotations.annotation(path).mark != Mark::FalsePositive || inTraining.contains(path))
            continue;
        utad::Sample good = s;
        good.label = utad::Label::Good;
        good.defectType = "good";
        good.maskPath.clear();
        copy.train.push_back(std::move(good));
        inTraining.insert(path);
        ++n;
    }
    if (added)
        *added = n;
    return copy;
}

OperatingMetrics operatingMetrics(
    const std::vector<utad::ImageResult>& results, const AnnotationStore* annotations, double threshold)
{
    const ScoreIndex index(results, annotations);
    OperatingMetrics m;
    m.imageAuroc = index.auroc();
    m.confusion = index.confusionAt(threshold);
    m.flagged = m.confusion.tp + m.confusion.fp + index.flaggedUnknown(threshold);
    return m;
}

std::vector<DecisionChange> decisionChanges(
    const std::vector<utad::ImageResult>& before, const std::vector<utad::ImageResult>& after, const Project& project)
{
    auto scored = [](const utad::ImageResult& r) { return r.error.empty() && std::isfinite(r.score); };
    std::unordered_map<std::string, const utad::ImageResult*> old;
    for (const utad::ImageResult& r : before)
        if (scored(r))
            old.emplace(r.path, &r);
    std::vector<DecisionChange> changes;
    for (const utad::ImageResult& r : after) {
        const auto it = old.find(r.path);
        if (!scored(r) || it == old.end())
            continue;
        DecisionChange c;
        c.path = QString::fromStdString(r.path);
        c.label = r.label;
        c.scoreBefore = it->second->score;
        c.scoreAfter = r.score;
        c.before = project.decide(c.scoreBefore);
        c.after = project.decide(c.scoreAfter);
        if (c.before == c.after)
            continue;
        if (const AnnotationStore* marks = project.annotations())
            c.mark = marks->annotation(c.path).mark;
        changes.push_back(c);
    }
    return changes;
}

Retrainer::Retrainer(Project* project, const utad::ModelConfig& config, const utad::Dataset& dataset)
    : Task(tr("Retraining")), m_project(project), m_config(config)
{
    m_dataset = datasetWithFalsePositives(dataset, *project->annotations(), &m_outcome.addedImages);
    if (m_dataset.test.empty())
        m_dataset.test = dataset.train;  // a plain folder: score what there is
    // Taken now: the comparison is against the results and thresholds the retraining started from.
    m_outcome.before = project->results();
    m_outcome.thresholds = project->thresholds();
}

bool Retrainer::run()
{
    setProgress(0, tr("Training with %n more good image(s)", nullptr, m_outcome.addedImages));
    m_model = utad::Model::create(m_config);
    utad::TrainCallbacks train;
    train.isCancelled = [this] { return isCancelled(); };
    train.onProgress = [this](const utad::TrainProgress& p) {
        setProgress(kTrainingShare * p.fraction, tr("Training: %1").arg(QString::fromStdString(p.stage)));
    };
    train.onLog = [this](const std::string& text) { emit message(QString::fromStdString(text)); };
    if (!m_model->train(m_dataset, train) || isCancelled())
        return false;
    utad::EvalCallbacks score;
    score.isCancelled = [this] { return isCancelled(); };
    score.onProgress = [this](int done, int all) {
        setProgress(kTrainingShare + (1 - kTrainingShare) * done / std::max(all, 1), tr("Scoring the test images"));
    };
    m_report = utad::evaluate(*m_model, m_dataset, score);
    return !m_report.cancelled && !isCancelled();
}

void Retrainer::completed(bool ok)
{
    m_outcome.cancelled = isCancelled();
    if (!ok) {
        m_outcome.error = !errorMessage().isEmpty() ? errorMessage() : tr("Retraining was cancelled.");
        m_model.reset();
        return;
    }
    m_outcome.model = std::move(m_model);
    m_outcome.report = std::move(m_report);
    if (!m_project) {
        m_outcome.error = tr("The project was closed while retraining.");
        return;
    }
    const AnnotationStore* marks = m_project->annotations();
    m_outcome.beforeMetrics = operatingMetrics(m_outcome.before, marks, m_outcome.thresholds.image);
    m_outcome.afterMetrics = operatingMetrics(m_outcome.report.results, marks, m_outcome.thresholds.image);
    m_outcome.changes = decisionChanges(m_outcome.before, m_outcome.report.results, *m_project);
    setProgress(1, tr("Done"));
}

namespace {

// "defective (0,512)", sorted by its score rather than its text.
class ScoreItem : public QTableWidgetItem {
public:
    ScoreItem(const QString& text, double score) : QTableWidgetItem(text) { setData(Qt::UserRole, score); }
    bool operator<(const QTableWidgetItem& other) const override
    {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

QString percentOrDash(double v, bool defined) { return percent(defined ? v : utad::kNaN); }

QStringList metricRows(const OperatingMetrics& m)
{
    const utad::Confusion& c = m.confusion;
    return {std::isfinite(m.imageAuroc) ? localNumber(m.imageAuroc, 'f', 4) : QStringLiteral("–"),
        percentOrDash(c.f1(), c.tp + c.fp + c.fn > 0), percentOrDash(c.precision(), c.tp + c.fp > 0),
        percentOrDash(c.recall(), c.tp + c.fn > 0), percentOrDash(c.falsePositiveRate(), c.fp + c.tn > 0),
        QString::number(c.tp), QString::number(c.fp), QString::number(c.tn), QString::number(c.fn),
        QString::number(m.flagged)};
}

}  // namespace

RetrainComparisonDialog::RetrainComparisonDialog(const RetrainOutcome& outcome, QWidget* parent)
    : QDialog(parent), m_outcome(outcome)
{
    setWindowTitle(tr("Retrained model: before and after"));
    auto* intro = new QLabel(tr("%n image(s) marked as false positives joined the training set. Metrics at the image "
                                "threshold %1 (labels: ground truth, else the review marks).",
                                 nullptr, outcome.addedImages)
                                 .arg(localNumber(outcome.thresholds.image)),
        this);
    intro->setWordWrap(true);

    const QStringList names{tr("Image AUROC"), tr("F1"), tr("Precision"), tr("Recall"), tr("False-positive rate"),
        tr("Defective flagged (TP)"), tr("Good flagged (FP)"), tr("Good passed (TN)"), tr("Defective passed (FN)"),
        tr("Images flagged")};
    m_metrics = new QTableWidget(int(names.size()), 2, this);
    m_metrics->setObjectName(QStringLiteral("metrics"));
    m_metrics->setHorizontalHeaderLabels({tr("Before"), tr("After")});
    m_metrics->setVerticalHeaderLabels(names);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const QStringList before = metricRows(outcome.beforeMetrics), after = metricRows(outcome.afterMetrics);
    for (int i = 0; i < names.size(); ++i) {
        m_metrics->setItem(i, 0, new QTableWidgetItem(before[i]));
        m_metrics->setItem(i, 1, new QTableWidgetItem(after[i]));
    }
    // Every metric in view: the table takes the size of its contents (from the headers' size hints,
    // which hold before the dialog is first shown), and no more.
    m_metrics->resizeColumnsToContents();
    m_metrics->resizeRowsToContents();
    m_metrics->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_metrics->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int frame = 2 * m_metrics->frameWidth();
    m_metrics->setFixedSize(
        m_metrics->verticalHeader()->sizeHint().width() + m_metrics->horizontalHeader()->length() + frame,
        m_metrics->horizontalHeader()->sizeHint().height() + m_metrics->verticalHeader()->length() + frame);

    auto* changedLabel = new QLabel(tr("%n image(s) changed decision:", nullptr, int(outcome.changes.size())), this);
    m_changes = new QTableWidget(int(outcome.changes.size()), 5, this);
    m_changes->setObjectName(QStringLiteral("changes"));
    m_changes->setHorizontalHeaderLabels({tr("Image"), tr("Truth"), tr("Before"), tr("After"), tr("Review")});
    m_changes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_changes->setSortingEnabled(false);
    auto decision = [](Decision d, double score) {
        return QStringLiteral("%1 (%2)").arg(decisionName(int(d)), localNumber(score, 'g', 4));
    };
    for (int i = 0; i < int(outcome.changes.size()); ++i) {
        const DecisionChange& c = outcome.changes[size_t(i)];
        auto* name = new QTableWidgetItem(QFileInfo(c.path).fileName());
        name->setToolTip(c.path);
        m_changes->setItem(i, 0, name);
        m_changes->setItem(i, 1, new QTableWidgetItem(labelDisplayName(c.label)));
        m_changes->setItem(i, 2, new ScoreItem(decision(c.before, c.scoreBefore), c.scoreBefore));
        m_changes->setItem(i, 3, new ScoreItem(decision(c.after, c.scoreAfter), c.scoreAfter));
        // A missed defect the new model flags says so, as the image list does once it is in use.
        m_changes->setItem(i, 4, new QTableWidgetItem(markSummary(c.mark, int(c.after))));
    }
    m_changes->resizeColumnsToContents();
    m_changes->verticalHeader()->setDefaultSectionSize(m_metrics->rowHeight(0));  // as many rows as fit
    m_changes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_changes->setSortingEnabled(true);
    m_changes->sortItems(0, Qt::AscendingOrder);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* use = buttons->addButton(tr("Use the new model…"), QDialogButtonBox::AcceptRole);
    use->setEnabled(outcome.model != nullptr);
    connect(use, &QPushButton::clicked, this, &RetrainComparisonDialog::useNewModelRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    // The metrics beside the changed images, so that both fit a 1280 x 720 screen.
    auto* changesColumn = new QVBoxLayout;
    changesColumn->addWidget(changedLabel);
    changesColumn->addWidget(m_changes, 1);
    auto* tables = new QHBoxLayout;
    tables->addWidget(m_metrics, 0, Qt::AlignTop);
    tables->addLayout(changesColumn, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(tables, 1);
    layout->addWidget(buttons);

    // Wide enough for every column of the changes at 1280 x 720, and tall enough for a screenful of them.
    QSize size(1000, std::max(sizeHint().height(), 560));
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(size);
}

}  // namespace utad::ui
