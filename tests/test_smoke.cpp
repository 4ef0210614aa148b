#include "utad/dataset.h"
#include <QtTest>
class TestSmoke : public QObject {
    Q_OBJECT
private slots:
    void sampleExists() { QVERIFY(QFile::exists(UTAD_SAMPLE_DIR "/train/good")); }
};
QTEST_APPLESS_MAIN(TestSmoke)
#include "test_smoke.moc"
