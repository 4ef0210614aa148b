#include "ui/trainingdialog.h"

#include "ui/format.h"
#include "ui/imageconvert.h"
#include "ui/jobs.h"
#include "ui/taskmanager.h"
#include "ui/trainingtask.h"
#include "utad/error.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace utad::ui {

// ---------------------------------------------------------------------------------------------

TrainOptionsDialog::TrainOptionsDialog(const QString& defaultPreset, const utad::Dataset& dataset, QWidget* parent)
    : QDialog(parent), m_dataset(dataset)
{
    setWindowTitle(tr("Train a model"));
    auto* form = new QFormLayout(this);
    m_method = new QComboBox(this);
    m_method->addItem(tr("Two-stage (IE-Net + Expert-Net)"), QStringLiteral("utad"));
    m_method->addItem(tr("One-stage autoencoder (baseline)"), QStringLiteral("ae"));
    form->addRow(tr("Method:"), m_method);
    m_preset = new QComboBox(this);
    m_preset->addItem(tr("cpu: small networks, minutes on a CPU"), QStringLiteral("cpu"));
    m_preset->addItem(tr("paper: release-sized networks, for a GPU"), QStringLiteral("paper"));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(defaultPreset)));
    form->addRow(tr("Preset:"), m_preset);
    m_ieSteps = new QSpinBox(this);
    m_ieSteps->setRange(1, 10000000);
    m_ieSteps->setToolTip(
        tr("Optimizer steps of the IE-Net (or of the one-stage autoencoder), each on a batch of tiles"));
    form->addRow(tr("IE-Net steps:"), m_ieSteps);
    m_expertSteps = new QSpinBox(this);
    m_expertSteps->setRange(0, 10000000);
    m_expertSteps->setToolTip(tr("Optimizer steps of the Expert-Net (not used by the one-stage autoencoder)"));
    form->addRow(tr("Expert-Net steps:"), m_expertSteps);
    m_segmenterSteps = new QSpinBox(this);
    m_segmenterSteps->setRange(0, 10000000);
    m_segmenterSteps->setToolTip(tr("Optimizer steps of the defect segmenter, which learns from defects pasted into "
                                    "good tiles which differences are defects (0: none; not used by the one-stage "
                                    "autoencoder)"));
    form->addRow(tr("Segmenter steps:"), m_segmenterSteps);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    form->addRow(tr("Random seed:"), m_seed);
    m_device = new QComboBox(this);
    m_device->addItem(tr("Automatic (CUDA when available)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    form->addRow(tr("Device:"), m_device);
    m_augment = new QCheckBox(tr("Flips, rotations and crops of the training images"), this);
    m_augment->setChecked(true);
    form->addRow(tr("Augmentation:"), m_augment);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Train"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &TrainOptionsDialog::presetChanged);
    connect(m_method, &QComboBox::currentIndexChanged, this, &TrainOptionsDialog::presetChanged);
    presetChanged();
}

void TrainOptionsDialog::presetChanged()
{
    try {
        const utad::ModelConfig c = utad::configForDataset(m_dataset, m_preset->currentData().toString().toStdString(),
            utad::methodFromString(m_method->currentData().toString().toStdString()));
        m_ieSteps->setValue(c.ieSteps);
        m_expertSteps->setValue(c.expertSteps);
        m_expertSteps->setEnabled(c.method == utad::Method::TwoStage);
        m_segmenterSteps->setValue(c.segmenterSteps);
        m_segmenterSteps->setEnabled(c.method == utad::Method::TwoStage);
        m_augment->setChecked(c.augment);
    } catch (const std::exception&) {
        // Unknown preset: keep the fields as they are; config() reports it.
    }
}

utad::ModelConfig TrainOptionsDialog::config() const
{
    utad::ModelConfig c = utad::configForDataset(m_dataset, m_preset->currentData().toString().toStdString(),
        utad::methodFromString(m_method->currentData().toString().toStdString()));
    c.ieSteps = m_ieSteps->value();
    c.expertSteps = c.method == utad::Method::TwoStage ? m_expertSteps->value() : 0;
    c.segmenterSteps = c.method == utad::Method::TwoStage ? m_segmenterSteps->value() : 0;
    c.seed = std::uint64_t(m_seed->value());
    c.augment = m_augment->isChecked();
    return c;
}

utad::Device TrainOptionsDialog::device() const
{
    return utad::deviceFromString(m_device->currentData().toString().toStdString());
}

// ---------------------------------------------------------------------------------------------

TrainingDialog::TrainingDialog(TrainingTask* task, TaskManager* tasks, QWidget* parent)
    : QDialog(parent), m_task(task), m_tasks(tasks)
{
    setWindowTitle(tr("Training"));
    setModal(false);
    resize(760, 560);
    auto* layout = new QVBoxLayout(this);

    m_stage = new QLabel(tr("Starting..."), this);
    layout->addWidget(m_stage);
    auto* progressRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    progressRow->addWidget(m_progress, 1);
    m_eta = new QLabel(this);
    m_eta->setMinimumWidth(200);
    progressRow->addWidget(m_eta);
    layout->addLayout(progressRow);

    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(220);
    m_plot->xAxis->setLabel(tr("optimizer steps"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->legend->setVisible(false);  // until the first curve: an empty box otherwise
    m_plot->legend->setFont(font());
    layout->addWidget(m_plot, 1);

    auto* previewRow = new QHBoxLayout;
    const QStringList titles{tr("Training image"), tr("Impression"), tr("Reconstruction")};
    for (int i = 0; i < 3; ++i) {
        auto* box = new QVBoxLayout;
        auto* title = new QLabel(titles[i], this);
        title->setAlignment(Qt::AlignCenter);
        m_preview[size_t(i)] = new QLabel(this);
        m_preview[size_t(i)]->setFixedSize(160, 160);
        m_preview[size_t(i)]->setAlignment(Qt::AlignCenter);
        m_preview[size_t(i)]->setStyleSheet(QStringLiteral("background: #303030"));
        box->addWidget(title);
        box->addWidget(m_preview[size_t(i)]);
        previewRow->addLayout(box);
    }
    previewRow->addStretch(1);
    layout->addLayout(previewRow);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setMaximumHeight(90);
    layout->addWidget(m_log);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_save = new QPushButton(tr("Save model..."), this);
    m_use = new QPushButton(tr("Use model"), this);
    m_close = new QPushButton(tr("Close"), this);
    for (QPushButton* b : {m_cancel, m_save, m_use, m_close})
        buttons->addWidget(b);
    m_save->setEnabled(false);
    m_use->setEnabled(false);
    m_close->setEnabled(false);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_task) {
            m_task->cancel();
            m_cancel->setEnabled(false);
            m_stage->setText(tr("Stopping after the current batch..."));
        }
    });
    connect(m_save, &QPushButton::clicked, this, &TrainingDialog::onSave);
    connect(m_use, &QPushButton::clicked, this, &TrainingDialog::onUse);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    connect(task, &TrainingTask::roundDone, this, &TrainingDialog::onRound);
    connect(task, &TrainingTask::preview, this, &TrainingDialog::onPreview);
    connect(task, &TrainingTask::log, m_log, &QPlainTextEdit::appendPlainText);
    connect(task, &TrainingTask::finished, this, &TrainingDialog::onFinished);
    m_clock.start();
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &TrainingDialog::showTime);
    m_tick->start();
    showTime();
}

QString TrainingDialog::timeText() const { return m_eta->text(); }

void TrainingDialog::showTime()
{
    const double elapsed = m_clock.elapsed() / 1000.0;
    m_eta->setText(m_remaining < 0 ? tr("elapsed %1").arg(formatDuration(elapsed))
                                   : tr("elapsed %1, remaining %2")
                                         .arg(formatDuration(elapsed),
                                             formatDuration(std::max(0.0, m_remaining - (elapsed - m_remainingAt)))));
}

void TrainingDialog::onRound(const utad::TrainProgress& p)
{
    const QString stage = QString::fromStdString(p.stage);
    m_progress->setValue(int(p.fraction * 1000));
    if (p.stage == "Calibration") {  // not a loss point
        m_stage->setText(tr("Calibrating on held-back good images..."));
        m_remaining = -1;  // the steps' estimate does not cover it
        showTime();
        return;
    }
    m_stage->setText(
        tr("%1: step %2 of %3, loss %4").arg(stage).arg(p.step).arg(p.steps).arg(localNumber(p.loss, 'g', 4)));
    m_remaining = p.etaSeconds;
    m_remainingAt = m_clock.elapsed() / 1000.0;
    showTime();
    // One curve per stage: their losses have different scales and meanings.
    if (stage != m_lastStage) {
        m_lastStage = stage;
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(stage);
        static const QColor colors[]
            = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44), QColor(148, 103, 189)};
        graph->setPen(QPen(colors[(m_plot->graphCount() - 1) % 4], 2));
        graph->setScatterStyle(QCPScatterStyle::ssDisc);
        m_plot->legend->setVisible(true);
    }
    ++m_point;
    // Steps over the whole run: each stage's curve continues where the last one's ended.
    const int offset = m_task ? utad::stepsBeforeStage(m_task->config(), p.stage) : 0;
    const double x = offset + p.step;
    m_plot->graph(m_plot->graphCount() - 1)->addData(x, p.loss);
    m_plot->rescaleAxes();
    m_plot->yAxis->scaleRange(1.15);  // keep the first and last points off the frame
    m_plot->xAxis->setRange(0, std::max(x, 1.0) * 1.05);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingDialog::onPreview(const utad::Inference& inference)
{
    const cv::Mat* images[] = {&inference.input, &inference.impression, &inference.reconstruction};
    for (int i = 0; i < 3; ++i) {
        const QImage image = toQImage(*images[i]);
        if (!image.isNull())
            m_preview[size_t(i)]->setPixmap(
                QPixmap::fromImage(image.scaled(160, 160, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    ++m_previews;
}

void TrainingDialog::onFinished(bool ok)
{
    m_tick->stop();
    m_remaining = -1;
    showTime();
    m_cancel->setEnabled(false);
    m_close->setEnabled(true);
    if (!m_task)
        return;
    m_model = m_task->model();
    m_complete = m_task->complete();
    m_cancelled = m_task->wasCancelled();
    if (ok) {
        m_progress->setValue(1000);
        m_stage->setText(tr("Training finished. Save the model to keep it."));
    } else if (!m_task->errorMessage().isEmpty()) {
        m_stage->setText(tr("Training failed: %1").arg(m_task->errorMessage()));
        m_log->appendPlainText(m_task->errorMessage());
    } else if (m_model) {
        m_stage->setText(tr("Training stopped after %n step(s), before the end: the model is only partly trained.",
            nullptr, m_task->stepsDone()));
    } else {
        m_stage->setText(tr("Training stopped before every network had trained; there is no model to save."));
    }
    m_save->setEnabled(m_model != nullptr);
    m_use->setEnabled(m_model != nullptr);
}

void TrainingDialog::saveModel(const QString& path)
{
    if (!m_model) {
        emit saveFailed(tr("There is no trained model to save."));
        return;
    }
    auto* task = new ModelSaveTask(m_model, path);
    m_saving = true;
    m_save->setEnabled(false);
    m_stage->setText(tr("Saving to %1...").arg(path));
    connect(task, &Task::finished, this, [this, task, path](bool ok) {
        m_saving = false;
        m_save->setEnabled(true);
        if (ok) {
            m_savedPath = path;
            m_stage->setText(tr("Saved to %1").arg(path));
            emit modelSaved(path);
        } else {
            const QString error = task->errorMessage().isEmpty() ? tr("Saving was stopped.") : task->errorMessage();
            m_stage->setText(tr("Could not save: %1").arg(error));
            emit saveFailed(error);
        }
    });
    m_tasks->addTask(task);
}

void TrainingDialog::onSave()
{
    // Suggest "<dataset>-<preset>.utad" in the folder a model was last saved to.
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("lastModelDir"), QDir::homePath()).toString();
    const utad::ModelInfo& info = m_model->info();
    const QString name = QStringLiteral("%1-%2.utad")
                             .arg(QFileInfo(QString::fromStdString(info.training.dataRoot)).fileName(),
                                 QString::fromStdString(info.config.preset));
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save model"), QDir(folder).filePath(name), tr("UTAD models (*.utad)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastModelDir"), QFileInfo(path).absolutePath());
    saveModel(path.endsWith(QLatin1String(".utad")) ? path : path + QStringLiteral(".utad"));
}

void TrainingDialog::useModel()
{
    if (!m_model)
        return;
    m_used = true;
    emit modelReady(m_model, m_savedPath);
    accept();
}

void TrainingDialog::onUse()
{
    if (!m_model)
        return;
    if (!m_complete) {
        // A stopped run is not silently put to work: its scores mislead.
        QMessageBox box(QMessageBox::Warning, tr("Use an incomplete model?"),
            tr("Training was stopped before it finished. This model has not learnt what a finished one "
               "would, and its scores and proposed thresholds can flag good parts or pass defects.\n\n"
               "Use it anyway?"),
            QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("incompleteModelQuestion"));
        QPushButton* use = box.addButton(tr("Use the incomplete model"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != use)
            return;
    }
    useModel();
}

void TrainingDialog::closeEvent(QCloseEvent* event)
{
    // Closing the window while training runs stops the run (the last complete epoch is kept).
    if (m_task && m_task->isRunning()) {
        m_task->cancel();
        event->ignore();
        m_stage->setText(tr("Stopping after the current batch..."));
        return;
    }
    QDialog::closeEvent(event);
}

void TrainingDialog::reject()
{
    if (m_task && m_task->isRunning()) {
        m_task->cancel();
        return;
    }
    QDialog::reject();
}

}  // namespace utad::ui
