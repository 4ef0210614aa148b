#include "ui/review/reviewtools.h"

#include "ui/inferencetask.h"
#include "ui/mainwindow.h"
#include "ui/trainingtask.h"

namespace utad::ui {

void installReviewTools(MainWindow* window)
{
    Q_UNUSED(window);
}

} // namespace utad::ui
