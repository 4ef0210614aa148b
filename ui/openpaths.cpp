#include "ui/openpaths.h"

#include "ui/mainwindow.h"
#include "ui/project.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>

namespace utad::ui {

QStringList openPaths(MainWindow& window, const QStringList& paths)
{
    QStringList problems;  // reported here
    QStringList shown;  // already in a message box of the window
    QStringList models;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            problems << QCoreApplication::translate(
                "utad::ui::OpenPaths", "Cannot open %1: there is no such file or folder.")
                            .arg(path);
        } else if (info.isDir()) {
            if (!window.openDataset(path))
                shown << window.lastError();
            else if (window.model() && window.project()->results().empty())
                window.runInference();
        } else if (info.suffix().compare(QLatin1String("utadproj"), Qt::CaseInsensitive) == 0) {
            if (!window.openProject(path))
                shown << window.lastError();
        } else if (info.suffix().compare(QLatin1String("utad"), Qt::CaseInsensitive) == 0) {
            models << path;
        } else {
            problems << QCoreApplication::translate("utad::ui::OpenPaths",
                "Cannot open %1: it is not a dataset folder, an image folder, a project "
                "(.utadproj) or a model (.utad).")
                            .arg(path);
        }
    }
    for (const QString& model : models)
        window.loadModel(model, true);
    if (!problems.isEmpty()) {
        for (const QString& p : problems)
            window.log(p);
        auto* box
            = new QMessageBox(QMessageBox::Warning, QCoreApplication::translate("utad::ui::OpenPaths", "Cannot open"),
                problems.join(QLatin1Char('\n')), QMessageBox::Ok, &window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return problems + shown;
}

}  // namespace utad::ui
