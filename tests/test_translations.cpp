// The translations are complete, up to date with the sources, and loaded at run time; every
// visible text in the workbench's code goes through tr().
#include "ui/translation.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QString kSourceDir = QStringLiteral(UTAD_SOURCE_DIR);
const QString kTranslationsDir = kSourceDir + QStringLiteral("/translations");

// Same set as translations/CMakeLists.txt: the workbench's sources and its main().
QStringList workbenchSources()
{
    QStringList files;
    QDirIterator it(kSourceDir + QStringLiteral("/ui"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    files << kSourceDir + QStringLiteral("/app/workbench_main.cpp");
    return files;
}

QStringList tsFiles()
{
    QStringList files;
    for (const QFileInfo& info : QDir(kTranslationsDir).entryInfoList({QStringLiteral("utad_*.ts")}, QDir::Files))
        files << info.absoluteFilePath();
    return files;
}

struct Message {
    QString context;
    QString source;
    QString type;  // "", "unfinished", "vanished", "obsolete"
    QStringList translations;  // one, or one per numerus form
};

struct TsFile {
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1").arg(path);
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name") && context.isEmpty()) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // A plain translation holds text; a numerus one holds <numerusform> children.
            QString text;
            bool numerus = false;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    numerus = true;
                    message.translations << xml.readElementText();
                }
            }
            if (!numerus)
                message.translations << text;
            ts.messages << message;
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1: %2 at line %3").arg(path, xml.errorString()).arg(xml.lineNumber());
    return ts;
}

bool isRetired(const Message& m) { return m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"); }

QString describe(const QString& file, const Message& m)
{
    return QStringLiteral("%1: [%2] \"%3\"").arg(QFileInfo(file).fileName(), m.context, m.source);
}

// Entries a translator still has to do: marked unfinished, or with an empty translation.
QStringList unfinishedEntries(const QString& path)
{
    const TsFile ts = readTs(path);
    if (!ts.error.isEmpty())
        return {ts.error};
    QStringList problems;
    for (const Message& m : ts.messages) {
        if (isRetired(m))
            continue;
        const bool empty = std::any_of(
            m.translations.cbegin(), m.translations.cend(), [](const QString& t) { return t.trimmed().isEmpty(); });
        if (m.type == QLatin1String("unfinished") || empty || m.translations.isEmpty())
            problems << describe(path, m);
    }
    return problems;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(L?)(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(2));
    return found;
}

bool hasMnemonic(const QString& text)
{
    // "&&" is a literal ampersand, "&plusmn;" an HTML entity: neither is a mnemonic.
    static const QRegularExpression re(QStringLiteral("(^|[^&])&(?![A-Za-z]+;|#\\d+;)[^&\\s]"));
    return re.match(text).hasMatch();
}

// One argument of a call: where its string literals start that reach the screen as they are
// (direct, or wrapped in QStringLiteral/QLatin1String/QString), and whether it holds any text at
// all (a literal anywhere, or a tr() call). Literals inside other nested calls (tr(...),
// QIcon::fromTheme(...)) are not shown as they are.
struct Argument {
    QList<qsizetype> rawLiterals;
    bool hasText = false;
};

// The arguments of the call whose '(' is at `open`.
QList<Argument> callArguments(const QString& code, qsizetype open)
{
    static const QStringList wrappers = {QStringLiteral("QStringLiteral"), QStringLiteral("QLatin1String"),
        QStringLiteral("QString"), QStringLiteral("QString::fromUtf8"), QStringLiteral("QLatin1StringView"),
        QStringLiteral("QString::fromLatin1")};
    QList<Argument> arguments(1);
    QList<bool> rawLevel;  // per open paren: do literals directly inside reach the screen?
    rawLevel << true;
    for (qsizetype i = open + 1; i < code.size() && !rawLevel.isEmpty(); ++i) {
        const QChar c = code[i];
        if (c == QLatin1Char('"')) {
            const qsizetype start = i;
            for (++i; i < code.size() && code[i] != QLatin1Char('"'); ++i)
                if (code[i] == QLatin1Char('\\'))
                    ++i;
            arguments.last().hasText = true;
            if (rawLevel.last())
                arguments.last().rawLiterals << start;
        } else if (c == QLatin1Char('\'')) {
            for (++i; i < code.size() && code[i] != QLatin1Char('\''); ++i)
                if (code[i] == QLatin1Char('\\'))
                    ++i;
        } else if (c == QLatin1Char('(')) {
            qsizetype j = i;
            while (j > 0
                && (code[j - 1].isLetterOrNumber() || code[j - 1] == QLatin1Char('_')
                    || code[j - 1] == QLatin1Char(':')))
                --j;
            const QString callee = code.mid(j, i - j);
            if (callee == QLatin1String("tr") || callee.endsWith(QLatin1String("::tr"))
                || callee.endsWith(QLatin1String("translate")))
                arguments.last().hasText = true;
            rawLevel << (rawLevel.last() && (callee.isEmpty() || wrappers.contains(callee)));
        } else if (c == QLatin1Char(')')) {
            rawLevel.removeLast();
        } else if (c == QLatin1Char(',') && rawLevel.size() == 1) {
            arguments.append(Argument());
        } else if (c == QLatin1Char(';') || c == QLatin1Char('{')) {
            break;  // end of the statement: unbalanced parentheses, stop looking
        }
    }
    return arguments;
}

// The literals of a call that reach the screen untranslated. Item views take the text first and
// then data (addItem(tr("Fast"), QStringLiteral("cpu"))): only their first text argument counts.
QList<qsizetype> rawTextLiterals(const QString& function, const QString& code, qsizetype open)
{
    const QList<Argument> arguments = callArguments(code, open);
    const bool textThenData = function == QLatin1String("addItem") || function == QLatin1String("insertItem");
    QList<qsizetype> literals;
    for (const Argument& argument : arguments) {
        literals << argument.rawLiterals;
        if (textThenData && argument.hasText)
            break;
    }
    return literals;
}

// Replaces comments by spaces (keeping line breaks), so that scanning sees only code.
QString withoutComments(const QString& code)
{
    QString out = code;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out[i];
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            for (++i; i < out.size() && out[i] != c; ++i)
                if (out[i] == QLatin1Char('\\'))
                    ++i;
        } else if (out.mid(i, 2) == QLatin1String("//")) {
            for (; i < out.size() && out[i] != QLatin1Char('\n'); ++i)
                out[i] = QLatin1Char(' ');
        } else if (out.mid(i, 2) == QLatin1String("/*")) {
            for (; i < out.size() && out.mid(i, 2) != QLatin1String("*/"); ++i)
                if (out[i] != QLatin1Char('\n'))
                    out[i] = QLatin1Char(' ');
            if (i < out.size())
                out[i] = out[i + 1] = QLatin1Char(' ');
        }
    }
    return out;
}

// Qt Test cuts long failure messages: list each problem on its own line, then fail with a summary.
QString report(const QStringList& problems, const QString& what)
{
    for (const QString& problem : problems)
        qWarning("%s", qPrintable(problem));
    return QStringLiteral("%1: %2 problem(s), listed above").arg(what).arg(problems.size());
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void tsFilesExist()
    {
        const QStringList files = tsFiles();
        QVERIFY2(files.size() >= 2,
            qPrintable(QStringLiteral("translations in %1: %2").arg(kTranslationsDir, files.join(", "))));
        for (const QString& file : files) {
            const TsFile ts = readTs(file);
            QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
            const QString expected = QFileInfo(file).completeBaseName().mid(5);  // utad_<lang>
            QCOMPARE(ts.language, expected);
            QVERIFY2(!ts.messages.isEmpty(), qPrintable(file));
        }
    }

    void tsFilesComplete()
    {
        QStringList problems;
        for (const QString& file : tsFiles())
            problems << unfinishedEntries(file);
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems, QStringLiteral("Unfinished translations"))));
    }

    // A translation must keep the source's %1, %2, ... (else arg() fills the wrong places) and its
    // keyboard mnemonic.
    void translationsKeepPlaceholdersAndMnemonics()
    {
        QStringList problems;
        for (const QString& file : tsFiles()) {
            for (const Message& m : readTs(file).messages) {
                if (isRetired(m) || m.type == QLatin1String("unfinished"))
                    continue;
                for (const QString& t : m.translations) {
                    // Numerus forms may drop %n ("one file" -> "eine Datei").
                    QSet<QString> expected = placeholders(m.source), actual = placeholders(t);
                    if (m.translations.size() > 1) {
                        expected.remove(QStringLiteral("n"));
                        actual.remove(QStringLiteral("n"));
                    }
                    if (expected != actual)
                        problems << describe(file, m) + QStringLiteral(" -> \"%1\": placeholders differ").arg(t);
                    if (hasMnemonic(m.source) && !hasMnemonic(t))
                        problems << describe(file, m) + QStringLiteral(" -> \"%1\": mnemonic (&) lost").arg(t);
                }
            }
        }
        QVERIFY2(problems.isEmpty(),
            qPrintable(report(problems, QStringLiteral("Translations that break placeholders or mnemonics"))));
    }

    // Runs lupdate over the current sources into copies of the .ts files: every string in the code
    // must already be there, translated, and nothing there may be stale. lupdate's warnings mean a
    // tr() it cannot place in the context used at run time (e.g. a tr() outside a Q_OBJECT class).
    void tsFilesMatchSources()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QStringList args = {QStringLiteral("-I"), kSourceDir, QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-source-language"), QStringLiteral("en")};
        args << workbenchSources() << QStringLiteral("-ts");
        QStringList copies;
        for (const QString& file : tsFiles()) {
            const QString copy = tmp.filePath(QFileInfo(file).fileName());
            QVERIFY(QFile::copy(file, copy));
            copies << copy;
        }
        args << copies;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::SeparateChannels);
        lupdate.start(QStringLiteral(UTAD_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        QCOMPARE(lupdate.exitCode(), 0);

        QStringList problems;
        const QString output = QString::fromLocal8Bit(lupdate.readAllStandardError() + lupdate.readAllStandardOutput());
        static const QRegularExpression warning(
            QStringLiteral("^(/\\S+):(\\d+): (.*)$"), QRegularExpression::MultilineOption);
        for (auto it = warning.globalMatch(output); it.hasNext();) {
            const auto m = it.next();
            problems << QStringLiteral("%1:%2: lupdate: %3")
                            .arg(QDir(kSourceDir).relativeFilePath(m.captured(1)), m.captured(2), m.captured(3));
        }
        for (const QString& copy : copies) {
            for (const Message& m : readTs(copy).messages) {
                if (isRetired(m))
                    problems << describe(copy, m) + QStringLiteral(": no longer in the sources");
                else if (m.type == QLatin1String("unfinished"))
                    problems << describe(copy, m) + QStringLiteral(": not translated");
            }
        }
        QVERIFY2(problems.isEmpty(),
            qPrintable(report(problems,
                QStringLiteral("The translations do not match the sources (run `cmake "
                               "--build <build> --target update_translations`, then translate)"))));
    }

    // Texts shown in widgets must go through tr(); a literal passed straight to setText(),
    // QLabel(...), addAction(...), ... stays English in every language. A literal that must not be
    // translated (a file format name, a unit) is marked with a `// no-tr` comment on its line.
    void visibleTextsUseTr()
    {
        static const QRegularExpression call(QStringLiteral(
            "\\b(setText|setWindowTitle|setToolTip|setStatusTip|setWhatsThis|setPlaceholderText|setTitle|"
            "setLabelText|setPrefix|setSuffix|setSpecialValueText|setTabText|addTab|insertTab|addAction|addMenu|"
            "setHeaderLabels|setHorizontalHeaderLabels|setVerticalHeaderLabels|showMessage|addItem|addItems|"
            "setItemText|addRow|insertRow|setAccessibleName|setButtonText|setInformativeText|setDetailedText|"
            "setWindowIconText|"
            "information|warning|critical|question|getOpenFileName|getSaveFileName|getExistingDirectory|"
            "getText|getInt|getDouble|getItem|QLabel|QAction|QPushButton|QCheckBox|QRadioButton|QGroupBox|"
            "QToolButton|QMenu|QDockWidget)\\s*\\("));
        static const QRegularExpression letter(QStringLiteral("[A-Za-z]{2}"));
        QStringList problems;
        for (const QString& path : workbenchSources()) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QString original = QString::fromUtf8(file.readAll());
            const QString code = withoutComments(original);
            const QStringList lines = original.split(QLatin1Char('\n'));
            for (auto it = call.globalMatch(code); it.hasNext();) {
                const auto m = it.next();
                for (qsizetype at : rawTextLiterals(m.captured(1), code, m.capturedEnd() - 1)) {
                    const qsizetype end = code.indexOf(QLatin1Char('"'), at + 1);
                    const QString literal = code.mid(at, end - at + 1);
                    const int line = int(code.left(at).count(QLatin1Char('\n')));
                    if (!letter.match(literal).hasMatch() || lines.value(line).contains(QLatin1String("no-tr")))
                        continue;
                    problems << QStringLiteral("%1:%2: %3(... %4 ...)")
                                    .arg(QDir(kSourceDir).relativeFilePath(path))
                                    .arg(line + 1)
                                    .arg(m.captured(1), literal);
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(report(problems, QStringLiteral("Visible text not wrapped in tr()"))));
    }

    // lupdate reads translate()'s context from the source text: a variable context hides the string
    // from the .ts files, and it stays English in every language.
    void translateCallsHaveLiteralContexts()
    {
        static const QRegularExpression call(QStringLiteral("\\b(?:translate|QT_TRANSLATE_NOOP)\\s*\\(\\s*([^\\s)])"));
        QCOMPARE(call.match(QStringLiteral("QCoreApplication::translate(\"Ctx\", \"a\")")).captured(1),
            QStringLiteral("\""));
        QCOMPARE(
            call.match(QStringLiteral("QCoreApplication::translate(context, \"a\")")).captured(1), QStringLiteral("c"));
        QStringList problems;
        for (const QString& path : workbenchSources()) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QString code = withoutComments(QString::fromUtf8(file.readAll()));
            for (auto it = call.globalMatch(code); it.hasNext();) {
                const auto m = it.next();
                if (m.captured(1) != QLatin1String("\""))
                    problems << QStringLiteral("%1:%2")
                                    .arg(QDir(kSourceDir).relativeFilePath(path))
                                    .arg(code.left(m.capturedStart()).count(QLatin1Char('\n')) + 1);
            }
        }
        QVERIFY2(
            problems.isEmpty(), qPrintable(report(problems, QStringLiteral("translate() without a literal context"))));
    }

    // The scanner above finds what it should (guards the check against silently passing).
    void literalScannerFindsRawText()
    {
        const QString code = QStringLiteral(
            "label->setText(\"Threshold\"); a->setToolTip(tr(\"Zoom\")); "
            "b->addAction(QIcon::fromTheme(\"document-open\"), QStringLiteral(\"Open\")); "
            "QMessageBox::warning(this, tr(\"Error\"), \"Cannot \" + name); c->setText(\"%1\"); "
            "d->addItem(tr(\"Fast\"), QStringLiteral(\"cpu\")); d->addItem(QIcon(), QStringLiteral(\"Slow\"), \"x\");");
        QStringList found;
        static const QRegularExpression call(
            QStringLiteral("\\b(setText|setToolTip|addAction|warning|addItem)\\s*\\("));
        for (auto it = call.globalMatch(code); it.hasNext();) {
            const auto m = it.next();
            for (qsizetype at : rawTextLiterals(m.captured(1), code, m.capturedEnd() - 1))
                found << code.mid(at, code.indexOf(QLatin1Char('"'), at + 1) - at + 1);
        }
        QCOMPARE(found, (QStringList{"\"Threshold\"", "\"Open\"", "\"Cannot \"", "\"%1\"", "\"Slow\""}));
        QCOMPARE(withoutComments(QStringLiteral("a(\"//x\"); // b\n/* c */d")),
            QStringLiteral("a(\"//x\");     \n       d"));
    }

    void placeholderAndMnemonicDetection()
    {
        QVERIFY(hasMnemonic(QStringLiteral("&File")));
        QVERIFY(hasMnemonic(QStringLiteral("文件(&F)")));
        QVERIFY(!hasMnemonic(QStringLiteral("Drag && drop")));
        QVERIFY(!hasMnemonic(QStringLiteral("%1 &plusmn; %2")));
        QCOMPARE(placeholders(QStringLiteral("%1 of %L2, %n left, 100%")), (QSet<QString>{"1", "2", "n"}));
    }

    void availableLanguagesListShippedTranslations()
    {
        QVERIFY2(!utad::ui::translationsDirectory().isEmpty(), "no translations folder beside the build's programs");
        const QStringList languages = utad::ui::availableLanguages();
        QCOMPARE(languages.value(0), QStringLiteral("en"));
        QVERIFY2(languages.contains(QStringLiteral("de")), qPrintable(languages.join(' ')));
        QVERIFY2(languages.contains(QStringLiteral("zh_CN")), qPrintable(languages.join(' ')));
        QCOMPARE(utad::ui::languageDisplayName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(utad::ui::languageDisplayName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
        QCOMPARE(utad::ui::languageDisplayName(QStringLiteral("en")), QStringLiteral("English"));
    }

    // Translators installed later are searched first, so the order here matters: English (nothing
    // installed), then Chinese, then German.
    void installTranslatorsLoadsOwnAndQtCatalogs()
    {
        auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
        QVERIFY(app);
        const char* context = "utad::ui::Translation";
        const char* text = "Language Changed";
        QCOMPARE(utad::ui::installTranslators(*app, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate(context, text), QString::fromLatin1(text));
        QCOMPARE(QLocale().decimalPoint(), QStringLiteral("."));  // numbers follow the chosen language

        QCOMPARE(utad::ui::installTranslators(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate(context, text), QStringLiteral("语言已更改"));

        QCOMPARE(utad::ui::installTranslators(*app, QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate(context, text), QStringLiteral("Sprache geändert"));
        QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
        // Qt's own catalogue (qt6-translations-l10n) comes along: the standard buttons speak German.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));

        // A language without a catalogue leaves the program in English, its numbers too.
        QCOMPARE(utad::ui::installTranslators(*app, QStringLiteral("sw")), QStringLiteral("en"));
        QCOMPARE(QLocale().decimalPoint(), QStringLiteral("."));
        // English chosen by hand on a system with German numbers.
        QLocale::setDefault(QLocale(QLocale::German));
        QCOMPARE(utad::ui::installTranslators(*app, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QLocale().decimalPoint(), QStringLiteral("."));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
