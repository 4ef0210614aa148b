#pragma once
// The review loop (threshold panel, annotations with undo, report export) plugs into the
// workbench window through this one call, made once at the end of MainWindow's constructor.
namespace utad::ui {
class MainWindow;
void installReviewTools(MainWindow* window);
} // namespace utad::ui
