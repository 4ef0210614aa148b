#pragma once
// Opens what a shell user or the desktop entry's "Open with" names on the command line: dataset or
// image folders, projects (.utadproj) and models (.utad).
#include <QStringList>

namespace utad::ui {

class MainWindow;

// Opens each path in `window`, models last (so that a dataset named with them is scored). A path
// that cannot be opened is reported in the Messages panel and in a message box naming it; returns
// those reports (empty when everything opened). Models load in the background: their errors come
// later, the same way.
QStringList openPaths(MainWindow& window, const QStringList& paths);

}  // namespace utad::ui
