#pragma once
// The workbench's language: loading its translation and Qt's own, and the saved choice.
#include <QString>
#include <QStringList>

class QCoreApplication;
class QWidget;

namespace utad::ui {

// QSettings key of the chosen language: "" follows the system locale; otherwise a code from
// availableLanguages(), e.g. "en", "de", "zh_CN".
inline constexpr char kLanguageSettingsKey[] = "ui/language";

// The folder holding the workbench's compiled translations (utad_<code>.qm); empty when none.
QString translationsDirectory();

// The languages the user can choose: "en" (the source language) first, then every shipped
// translation found in translationsDirectory(), sorted.
QStringList availableLanguages();

// The language's own name for a list of choices, e.g. "Deutsch", "简体中文", "English".
QString languageDisplayName(const QString& code);

// The language saved in the settings under kLanguageSettingsKey ("" = system).
QString savedLanguage();

// Installs on `app` the workbench's translation and Qt's own (qtbase) for `language`
// ("" = the system locale's preferred languages). Call it once, before creating any window; a
// QCoreApplication is enough (--help prints without a display).
// Returns the code of the workbench translation loaded, or "en" when the program stays in English.
QString installTranslators(QCoreApplication& app, const QString& language);

// After the language setting changed: tells the user it applies after a restart and offers to
// restart now. On yes, every window is closed the normal way (so each can ask to save its work);
// only if all of them closed is a new instance started with the same arguments and this one quit.
// Returns true when the restart is under way.
bool offerRestartForLanguageChange(QWidget* parent);

}  // namespace utad::ui
