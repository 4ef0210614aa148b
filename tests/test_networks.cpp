// Inference takes shortcuts through the networks (an upsampling folded into the conv after it,
// batch norm folded into its conv); they must give what the trained layers give.
#include "network_checks.h"

#include <QtTest>

class TestNetworks : public QObject {
    Q_OBJECT

private slots:
    void upsampledConvIsTheSame_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("5x5, the decoders' kernel") << 5 << 16 << 16;
        QTest::newRow("5x5, not square") << 5 << 9 << 4;
        QTest::newRow("5x5, smallest with the shortcut") << 5 << 4 << 4;
        QTest::newRow("5x5, too small for it") << 5 << 3 << 2;
        QTest::newRow("3x3") << 3 << 7 << 5;
        QTest::newRow("7x7") << 7 << 11 << 6;
        QTest::newRow("1x1") << 1 << 5 << 5;
    }

    void upsampledConvIsTheSame()
    {
        QFETCH(int, kernel);
        QFETCH(int, width);
        QFETCH(int, height);
        // Edges included: the outermost rows and columns are where reflection and the shortcut's
        // repeated edge differ.
        const double d = upsampledConvDifference(kernel, width, height);
        QVERIFY2(d < 1e-5, qPrintable(QString::number(d)));
    }

    void decoderIsTheSame()
    {
        const double d = decoderInferenceDifference();
        QVERIFY2(d < 1e-5, qPrintable(QString::number(d)));
    }

    void upsampledInceptionIsTheSame_data()
    {
        QTest::addColumn<int>("factor");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("4x, the last block") << 4 << 16 << 16;
        QTest::newRow("4x, not square") << 4 << 5 << 3;
        QTest::newRow("2x") << 2 << 8 << 8;
        QTest::newRow("2x from 1 x 1") << 2 << 1 << 1;
        QTest::newRow("3x") << 3 << 4 << 6;
    }

    void upsampledInceptionIsTheSame()
    {
        QFETCH(int, factor);
        QFETCH(int, width);
        QFETCH(int, height);
        const double d = inceptionUpsampledDifference(factor, width, height);
        QVERIFY2(d < 1e-4, qPrintable(QString::number(d)));
    }

    void impressionIsTheSame_data()
    {
        QTest::addColumn<int>("skipLevels");
        QTest::newRow("no skips") << 0;
        QTest::newRow("two skips") << 2;
    }

    void impressionIsTheSame()
    {
        QFETCH(int, skipLevels);
        const double d = impressionInferenceDifference(skipLevels);
        QVERIFY2(d < 1e-5, qPrintable(QString::number(d)));
    }

    void segmenterIsTheSame_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("a tile") << 64 << 64;
        QTest::newRow("odd sides, pooled with a remainder") << 45 << 23;
    }

    void segmenterIsTheSame()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        const double d = segmenterInferenceDifference(width, height);
        QVERIFY2(d < 1e-4, qPrintable(QString::number(d)));
    }

    void exactLayersAreBitForBit()
    {
        // Training takes the Expert-Net's targets from the IE-Net this way: no rounding may differ.
        QCOMPARE(exactLayersDifference(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestNetworks)
#include "test_networks.moc"
