// Where the programs look for their data: the source tree from a build, UTAD_DATA_DIR when set.
// (The installed layout, <prefix>/bin/../share/utad-workbench, is checked by the install_tree test.)
#include "utad/error.h"
#include "utad/paths.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

namespace fs = std::filesystem;

namespace {

QString text(const fs::path& path) { return QString::fromStdString(path.lexically_normal().string()); }

const fs::path kSourceResources = fs::path(UTAD_SOURCE_DIR) / "resources";

}  // namespace

class TestPaths : public QObject {
    Q_OBJECT
private slots:
    void init() { qunsetenv("UTAD_DATA_DIR"); }
    void cleanup() { qunsetenv("UTAD_DATA_DIR"); }

    void executablePathIsThisProgram()
    {
        QCOMPARE(text(utad::executablePath()), QCoreApplication::applicationFilePath());
    }

    // Run from <build>/tests there is no <build>/share/utad-workbench: the source tree's data and
    // the translations built into <build>/translations are used.
    void buildTreeUsesSourceTree()
    {
        const fs::path exeDir = utad::executablePath().parent_path();
        const std::vector<fs::path> candidates = utad::dataDirectoryCandidates();
        QCOMPARE(int(candidates.size()), 2);
        QCOMPARE(text(candidates[0]), text(exeDir / ".." / "share" / "utad-workbench"));
        QCOMPARE(text(candidates[1]), text(kSourceResources));

        QCOMPARE(text(utad::dataDirectory()), text(kSourceResources));
        QCOMPARE(text(utad::sampleDirectory()), text(fs::path(UTAD_SAMPLE_DIR)));
        QVERIFY(fs::is_regular_file(utad::sampleDirectory() / "LICENSE"));
        QCOMPARE(text(utad::modelsDirectory()), text(kSourceResources / "models"));
        QCOMPARE(text(utad::translationsDirectory()), text(exeDir / ".." / "translations"));
    }

    void environmentOverrides()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(QDir(tmp.path()).mkpath(QStringLiteral("translations")));
        qputenv("UTAD_DATA_DIR", tmp.path().toLocal8Bit());
        const fs::path root = tmp.path().toStdString();
        QCOMPARE(text(utad::dataDirectory()), text(root));
        QCOMPARE(text(utad::sampleDirectory()), text(root / "samples" / "battery-weld"));
        QCOMPARE(text(utad::modelsDirectory()), text(root / "models"));
        QCOMPARE(text(utad::translationsDirectory()), text(root / "translations"));
    }

    // A stale UTAD_DATA_DIR is skipped, not trusted.
    void missingOverrideFallsBack()
    {
        qputenv("UTAD_DATA_DIR", "/nonexistent/utad-data");
        QCOMPARE(text(utad::dataDirectoryCandidates().front()), QStringLiteral("/nonexistent/utad-data"));
        QCOMPARE(text(utad::dataDirectory()), text(kSourceResources));
    }
};

QTEST_MAIN(TestPaths)
#include "test_paths.moc"
