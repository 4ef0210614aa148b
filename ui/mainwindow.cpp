#include "ui/mainwindow.h"
namespace utad::ui {
MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) { setWindowTitle(tr("UTAD Workbench")); }
}
