#include "ui/translation.h"

#include "utad/paths.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTranslator>

namespace utad::ui {

namespace {

constexpr char kSourceLanguage[] = "en";
constexpr char kCatalogPrefix[] = "utad_";

QLocale localeFor(const QString& language) { return language.isEmpty() ? QLocale::system() : QLocale(language); }

bool isEnglish(const QString& language)
{
    return language == QLatin1String(kSourceLanguage) || language.startsWith(QLatin1String("en_"))
        || language.startsWith(QLatin1String("en-"));
}

}  // namespace

QString translationsDirectory() { return QString::fromStdString(utad::translationsDirectory().string()); }

QStringList availableLanguages()
{
    QStringList codes;
    const QString dir = translationsDirectory();
    if (!dir.isEmpty()) {
        const QStringList files = QDir(dir).entryList({QString::fromLatin1(kCatalogPrefix) + "*.qm"}, QDir::Files);
        for (const QString& file : files)
            codes << file.mid(int(qstrlen(kCatalogPrefix))).chopped(3);
    }
    codes.sort();
    codes.removeAll(QString::fromLatin1(kSourceLanguage));
    codes.prepend(QString::fromLatin1(kSourceLanguage));
    return codes;
}

QString languageDisplayName(const QString& code)
{
    const QLocale locale(code);
    if (locale.language() == QLocale::English)  // not "American English": the source is plain English
        return QStringLiteral("English");
    if (locale.language() == QLocale::Chinese)  // say which script: the Chinese name alone is ambiguous
        return locale.script() == QLocale::TraditionalChineseScript ? QStringLiteral("繁體中文")
                                                                    : QStringLiteral("简体中文");
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name.isEmpty() ? code : name;
}

QString savedLanguage() { return QSettings().value(QLatin1String(kLanguageSettingsKey)).toString(); }

QString installTranslators(QCoreApplication& app, const QString& language)
{
    const QLocale locale = localeFor(language);
    // The first preferred language decides: an English system with German as its second choice
    // stays English.
    const QStringList preferred = locale.uiLanguages();
    if (isEnglish(language) || (!preferred.isEmpty() && isEnglish(preferred.first()))) {
        if (!language.isEmpty())  // English chosen by hand: its numbers too, whatever the system's
            QLocale::setDefault(locale);
        return QString::fromLatin1(kSourceLanguage);
    }

    auto* own = new QTranslator(&app);
    const QString dir = translationsDirectory();
    if (dir.isEmpty() || !own->load(locale, QStringLiteral("utad"), QStringLiteral("_"), dir)) {
        // No workbench translation for this language (or the system asks for English): keep Qt's
        // own dialogs, and its numbers, in English too, so one window does not mix two languages.
        delete own;
        QLocale::setDefault(QLocale(QLocale::English));
        return QString::fromLatin1(kSourceLanguage);
    }
    app.installTranslator(own);
    // Numbers follow the language too, so spin boxes, plot axes and texts share one decimal sign.
    QLocale::setDefault(locale);

    auto* qt = new QTranslator(&app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return own->language();
}

bool offerRestartForLanguageChange(QWidget* parent)
{
    const auto answer
        = QMessageBox::question(parent, QApplication::translate("utad::ui::Translation", "Language Changed"),
            QApplication::translate("utad::ui::Translation",
                "The new language is used after the workbench restarts. Restart now?\n\n"
                "Open projects are closed first; you are asked to save any unsaved changes."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;

    QApplication::closeAllWindows();
    for (const QWidget* window : QApplication::topLevelWidgets())
        if (window->isVisible())
            return false;  // a window refused to close (the user cancelled saving): stay
    if (!QProcess::startDetached(QApplication::applicationFilePath(), QApplication::arguments().mid(1)))
        return false;
    QApplication::quit();
    return true;
}

}  // namespace utad::ui
