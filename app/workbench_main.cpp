// utad-workbench: the inspection window.
//   utad-workbench [--dataset DIR] [--model FILE] [--project FILE] [--panels MODE] [--screenshot FILE]
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/translation.h"
#include "ui/project.h"
#include "ui/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QScreen>
#include <QTableView>
#include <QTimer>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("utad"));
    QApplication::setApplicationName(QStringLiteral("utad-workbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("UTAD Workbench"));
    QApplication::setApplicationVersion(utad::ui::versionString());
    // Wayland and task bars match the window to its desktop entry by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.utad.Workbench"));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/utad-workbench-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    utad::ui::installTranslators(app, utad::ui::savedLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Inspection workbench for unsupervised two-stage visual anomaly detection."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption datasetOption(QStringLiteral("dataset"),
                                           QApplication::translate("main", "Open the dataset folder DIR (MVTec layout or plain images)."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QApplication::translate("main", "Load the model FILE and score the dataset with it."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption projectOption(QStringLiteral("project"),
                                           QApplication::translate("main", "Open the project FILE (.utadproj)."), QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Once the window has settled, save a picture of it to FILE and quit (for documentation)."),
        QStringLiteral("FILE"));
    const QCommandLineOption panelsOption(
        QStringLiteral("panels"),
        QApplication::translate("main", "Start with the panels in MODE: stages (default), overlay or residuals."),
        QStringLiteral("MODE"), QStringLiteral("stages"));
    parser.addOptions({datasetOption, modelOption, projectOption, panelsOption, screenshotOption});
    parser.process(app);

    utad::ui::MainWindow window;
    if (parser.isSet(screenshotOption) && window.screen())
        window.setGeometry(window.screen()->availableGeometry());
    window.show();
    if (parser.value(panelsOption) == QLatin1String("overlay"))
        window.inspector()->setOverlay(true);
    else if (parser.value(panelsOption) == QLatin1String("residuals"))
        window.inspector()->setMode(utad::ui::PanelMode::Residuals);

    if (parser.isSet(projectOption))
        window.openProject(parser.value(projectOption));
    if (parser.isSet(datasetOption) && window.openDataset(parser.value(datasetOption))) {
        if (parser.isSet(modelOption))
            window.loadModel(parser.value(modelOption), true);
        else if (!window.project()->modelPath().isEmpty())  // the model used last time on this dataset
            window.loadModel(window.project()->modelPath(), true);
    } else if (parser.isSet(modelOption)) {
        window.loadModel(parser.value(modelOption), false);
    }

    if (parser.isSet(screenshotOption)) {
        // Wait for background work to finish, then grab the window.
        const QString file = parser.value(screenshotOption);
        auto* timer = new QTimer(&window);
        QObject::connect(timer, &QTimer::timeout, &window, [&window, timer, file] {
            if (window.isLoadingModel() || window.inferenceTask())
                return;
            timer->stop();
            // Show the most anomalous image: the one a reviewer would look at first.
            window.imageView()->sortByColumn(utad::ui::ImageListModel::ScoreColumn, Qt::DescendingOrder);
            window.imageView()->setCurrentIndex(window.imageProxy()->index(0, utad::ui::ImageListModel::NameColumn));
            QTimer::singleShot(1500, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        });
        timer->start(500);
    }
    return app.exec();
}
