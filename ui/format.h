#pragma once
// Small text helpers shared by the workbench's views, one copy each.
#include "utad/dataset.h"

#include <QString>

namespace utad::ui {

// Stable label keys of the project file ("good", "anomalous", "unknown"); not for display.
QString labelKey(utad::Label label);
utad::Label labelFromKey(const QString& key);

// A number for display, in the default locale (the interface language's, as in spin boxes and plot
// axes: 0,25 in German). Files for scripts (CSV, JSON) keep the C locale.
QString localNumber(double v, char format = 'g', int precision = 5);

// "12.3 %" for 0.123, in the default locale; a dash when the value is not defined (NaN).
QString percent(double fraction);

// "42 s", "3 min 5 s", "2 h 10 min"; "?" when unknown (negative or NaN).
QString formatDuration(double seconds);

// A short, file-name-safe key for a path or any text (the first 16 hex digits of its SHA-1).
QString pathHash(const QString& text);

}  // namespace utad::ui
