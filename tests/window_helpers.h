#pragma once
// Helpers for the suites that drive the workbench window.
#include "utad/model.h"

#include "tiny_model.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QMessageBox>
#include <QTimer>
#include <memory>

inline void closeMessageBoxes()
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w))
            box->close();
}

// Clicks the button `buttonText` of the message box `name` as soon as it is shown: exec() blocks
// the caller, so the answer has to come from the event loop. `asked` counts the answers; the
// returned timer watches until it is deleted.
inline std::unique_ptr<QTimer> answerWhenAsked(
    const QString& name, const QString& buttonText, std::shared_ptr<int> asked)
{
    auto timer = std::make_unique<QTimer>();
    timer->setInterval(20);
    QTimer* t = timer.get();
    QObject::connect(t, &QTimer::timeout, t, [=] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* box = qobject_cast<QMessageBox*>(w);
            if (!box || box->objectName() != name || !box->isVisible())
                continue;
            for (QAbstractButton* b : box->buttons())
                if (b->text() == buttonText) {
                    ++*asked;
                    b->click();
                    return;
                }
        }
    });
    timer->start();
    return timer;
}

// Every file under `dir`, relative to it, sorted.
inline QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

// The tests' tiny model, in three lengths: `Quick` trains every stage for a few steps (a complete
// model in seconds), `Standard` is tiny_model.h's, `Long` runs far longer than any test (its second
// round is the Expert-Net's first, so a cancelled run has trained every network).
enum class Run { Quick, Standard, Long };
inline utad::ModelConfig tinyConfig(Run run = Run::Quick)
{
    utad::ModelConfig config = utad::testing::tinyConfig();
    if (run == Run::Quick) {
        config.ieSteps = 4;
        config.expertSteps = 4;
    } else if (run == Run::Long) {
        config.ieSteps = utad::kStepsPerRound;
        config.expertSteps = 100000;
    }
    return config;
}

// A copy of the sample at `root` with `perClass` training, good and defective test images (and
// the masks of those).
inline QString sampleSubset(const QString& root, int perClass)
{
    const QDir sample(QStringLiteral(UTAD_SAMPLE_DIR));
    for (const QString& folder :
        {QStringLiteral("train/good"), QStringLiteral("test/good"), QStringLiteral("test/defective")}) {
        QDir().mkpath(root + QLatin1Char('/') + folder);
        for (const QString& f : QDir(sample.filePath(folder)).entryList(QDir::Files, QDir::Name).mid(0, perClass)) {
            QFile::copy(sample.filePath(folder + QLatin1Char('/') + f),
                root + QLatin1Char('/') + folder + QLatin1Char('/') + f);
            if (folder == QLatin1String("test/defective")) {
                QDir().mkpath(root + QStringLiteral("/ground_truth/defective"));
                QFile::copy(sample.filePath(QStringLiteral("ground_truth/defective/") + f),
                    root + QStringLiteral("/ground_truth/defective/") + f);
            }
        }
    }
    return root;
}
