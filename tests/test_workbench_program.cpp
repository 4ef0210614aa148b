// The `utad-workbench` program: --help and --version print without a display, and paths given as
// plain arguments (as a shell user or the desktop entry's "Open with" passes them) are opened or
// reported. Runs the real program as a process, and openPaths() in a real window.
#include "ui/mainwindow.h"
#include "ui/openpaths.h"
#include "ui/project.h"

#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace utad::ui;

namespace {

struct Run {
    int exitCode = -1;
    QString out, err;
};

QString describe(const Run& r)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
}

// `display` false: no X, no Wayland, no platform chosen, as over ssh or in a build script.
Run runWorkbench(const QStringList& args, bool display, const QString& home, int timeoutMs = 90000)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    if (display)
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Settings and autosaves of the run stay in the test's folder.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(UTAD_WORKBENCH), args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("did not finish: ") + p.errorString();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

}  // namespace

class TestWorkbenchProgram : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
    }

    void helpWithoutDisplay()
    {
        const Run help = runWorkbench({QStringLiteral("--help")}, false, m_home.path());
        QVERIFY2(help.exitCode == 0, qPrintable(describe(help)));
        for (const char* expected : {"--dataset", "--model", "--project", "--screenshot", "PATH"})
            QVERIFY2(help.out.contains(QLatin1String(expected)), qPrintable(describe(help)));
        QVERIFY2(!help.err.contains(QStringLiteral("display"), Qt::CaseInsensitive), qPrintable(describe(help)));

        const Run version = runWorkbench({QStringLiteral("--version")}, false, m_home.path());
        QVERIFY2(version.exitCode == 0, qPrintable(describe(version)));
        QVERIFY2(version.out.contains(QRegularExpression(QStringLiteral("utad-workbench \\d+\\.\\d+"))),
            qPrintable(describe(version)));

        // Qt's own options before --help do not hide it.
        const Run withQtOption = runWorkbench(
            {QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("--help")}, false, m_home.path());
        QVERIFY2(withQtOption.exitCode == 0 && withQtOption.out.contains(QStringLiteral("--dataset")),
            qPrintable(describe(withQtOption)));
    }

    void plainArgumentIsOpened()
    {
        // A screenshot run quits by itself once the window has settled.
        const QString shot = m_home.filePath(QStringLiteral("plain.png"));
        const Run run = runWorkbench(
            {QStringLiteral(UTAD_SAMPLE_DIR), QStringLiteral("--screenshot"), shot}, true, m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(!run.err.contains(QStringLiteral("Cannot")), qPrintable(describe(run)));
        QVERIFY(!QImage(shot).isNull());
    }

    void badArgumentIsReported()
    {
        const QString missing = m_home.filePath(QStringLiteral("no-such-folder"));
        const QString shot = m_home.filePath(QStringLiteral("bad.png"));
        const Run run = runWorkbench({missing, QStringLiteral("--screenshot"), shot}, true, m_home.path());
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(missing), qPrintable(describe(run)));

        QFile text(m_home.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not an image folder\n");
        text.close();
        const Run wrongKind
            = runWorkbench({text.fileName(), QStringLiteral("--screenshot"), shot}, true, m_home.path());
        QVERIFY2(wrongKind.exitCode == 1, qPrintable(describe(wrongKind)));
        QVERIFY2(wrongKind.err.contains(text.fileName()) && wrongKind.err.contains(QStringLiteral(".utadproj")),
            qPrintable(describe(wrongKind)));
    }

    void openPathsInTheWindow()
    {
        MainWindow window;
        {
            Project previous;  // no autosave from an earlier run
            previous.setDatasetPath(QStringLiteral(UTAD_SAMPLE_DIR));
            QFile::remove(previous.autosavePath());
        }
        QVERIFY(openPaths(window, {QStringLiteral(UTAD_SAMPLE_DIR)}).isEmpty());
        QVERIFY(window.dataset());
        QCOMPARE(QDir(window.project()->datasetPath()).canonicalPath(),
            QDir(QStringLiteral(UTAD_SAMPLE_DIR)).canonicalPath());
        QVERIFY(!window.findChild<QMessageBox*>());

        // A project saved from it opens the same way.
        const QString projectFile = m_home.filePath(QStringLiteral("line.utadproj"));
        QSignalSpy saved(window.project(), &Project::saved);  // written once its data folder is copied
        QVERIFY(window.saveProjectAs(projectFile));
        QVERIFY(saved.wait(30000));
        MainWindow second;
        QVERIFY(openPaths(second, {projectFile}).isEmpty());
        QCOMPARE(second.project()->filePath(), projectFile);
        QVERIFY(second.dataset());

        // What cannot be opened is named in the Messages panel and in a message box.
        const QString missing = m_home.filePath(QStringLiteral("gone"));
        const QStringList problems = openPaths(second, {missing});
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(missing));
        QVERIFY(second.findChild<QPlainTextEdit*>(QStringLiteral("messages"))->toPlainText().contains(missing));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = second.findChild<QMessageBox*>()));
        QVERIFY(box->text().contains(missing));
        box->close();
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestWorkbenchProgram)
#include "test_workbench_program.moc"
