// utad-workbench: the inspection window.
//   utad-workbench [--dataset DIR] [--model FILE] [--project FILE] [--panels MODE] [--screenshot FILE] [PATH...]
#include "ui/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/openpaths.h"
#include "ui/project.h"
#include "ui/translation.h"
#include "ui/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QScreen>
#include <QTableView>
#include <QTimer>
#include <iostream>

namespace {

struct Options {
    QCommandLineOption dataset{QStringLiteral("dataset"),
        QCoreApplication::translate("main", "Open the dataset folder DIR (MVTec layout or plain images)."),
        QStringLiteral("DIR")};
    QCommandLineOption model{QStringLiteral("model"),
        QCoreApplication::translate("main", "Load the model FILE and score the dataset with it."),
        QStringLiteral("FILE")};
    QCommandLineOption project{QStringLiteral("project"),
        QCoreApplication::translate("main", "Open the project FILE (.utadproj)."), QStringLiteral("FILE")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Once the window has settled, save a picture of it to FILE and quit (for documentation)."),
        QStringLiteral("FILE")};
    QCommandLineOption panels{QStringLiteral("panels"),
        QCoreApplication::translate("main", "Start with the panels in MODE: stages (default), overlay or residuals."),
        QStringLiteral("MODE"), QStringLiteral("stages")};

    // Options texts are translated when this is built: after the translators are installed.
    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Inspection workbench for unsupervised two-stage visual anomaly detection."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({dataset, model, project, panels, screenshot});
        parser.addPositionalArgument(QStringLiteral("PATH"),
            QCoreApplication::translate(
                "main", "A dataset folder, image folder, project (.utadproj) or model (.utad) to open."),
            QStringLiteral("[PATH...]"));
    }
};

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("utad"));
    QCoreApplication::setApplicationName(QStringLiteral("utad-workbench"));
    QCoreApplication::setApplicationVersion(utad::ui::versionString());
}

// --help and --version print text only, so they must work without a display (over ssh, in a
// build script): a QApplication would abort there before the parser saw them.
bool textOnly(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser probe;
    Options().addTo(probe);
    probe.parse(args);  // unknown options (Qt's own, such as -platform) do not stop it
    return probe.isSet(QStringLiteral("help")) || probe.isSet(QStringLiteral("help-all"))
        || probe.isSet(QStringLiteral("version"));
}

}  // namespace

int main(int argc, char** argv)
{
    if (textOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        utad::ui::installTranslators(app, utad::ui::savedLanguage());
        QCommandLineParser parser;
        Options().addTo(parser);
        parser.parse(QCoreApplication::arguments());  // Qt's own options (-platform ...) may stand beside
        if (parser.isSet(QStringLiteral("version")))
            parser.showVersion();  // exits
        parser.showHelp(0);  // exits
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("UTAD Workbench"));
    // Wayland and task bars match the window to its desktop entry by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.utad.Workbench"));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/utad-workbench-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    utad::ui::installTranslators(app, utad::ui::savedLanguage());

    QCommandLineParser parser;
    const Options options;
    options.addTo(parser);
    parser.process(app);

    utad::ui::MainWindow window;
    if (parser.isSet(options.screenshot) && window.screen()) {
        window.setGeometry(window.screen()->availableGeometry());
        window.show();
    } else {
        window.showAtStart();
    }
    if (parser.value(options.panels) == QLatin1String("overlay"))
        window.inspector()->setOverlay(true);
    else if (parser.value(options.panels) == QLatin1String("residuals"))
        window.inspector()->setMode(utad::ui::PanelMode::Residuals);

    // What could not be opened is shown in the window and, for a shell user, on stderr.
    QStringList problems;
    if (parser.isSet(options.project) && !window.openProject(parser.value(options.project)))
        problems << window.lastError();
    if (parser.isSet(options.dataset)) {
        if (window.openDataset(parser.value(options.dataset))) {
            if (parser.isSet(options.model))
                window.loadModel(parser.value(options.model), true);
            else if (!window.project()->modelPath().isEmpty())  // the model used last time on this dataset
                window.loadModel(window.project()->modelPath(), true);
        } else {
            problems << window.lastError();
        }
    } else if (parser.isSet(options.model)) {
        window.loadModel(parser.value(options.model), false);
    }
    problems << utad::ui::openPaths(window, parser.positionalArguments());
    for (const QString& problem : problems)
        std::cerr << "utad-workbench: " << problem.toLocal8Bit().constData() << '\n';

    if (parser.isSet(options.screenshot)) {
        // Wait for background work to finish, then grab the window.
        const QString file = parser.value(options.screenshot);
        const int exitCode = problems.isEmpty() ? 0 : 1;
        auto* timer = new QTimer(&window);
        QObject::connect(timer, &QTimer::timeout, &window, [&window, timer, file, exitCode] {
            if (window.isLoadingModel() || window.inferenceTask())
                return;
            timer->stop();
            // Show the most anomalous image: the one a reviewer would look at first.
            window.imageView()->sortByColumn(utad::ui::ImageListModel::ScoreColumn, Qt::DescendingOrder);
            window.imageView()->setCurrentIndex(window.imageProxy()->index(0, utad::ui::ImageListModel::NameColumn));
            QTimer::singleShot(1500, &window, [&window, file, exitCode] {
                window.grab().save(file);
                QApplication::exit(exitCode);
            });
        });
        timer->start(500);
    }
    return app.exec();
}
