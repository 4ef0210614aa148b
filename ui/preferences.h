#pragma once
// User preferences, persisted with QSettings, and the dialog that edits them.
#include <QDialog>
#include <QString>

class QComboBox;
class QSpinBox;

namespace utad::ui {

struct Preferences {
    int threads = 0;  // LibTorch threads; 0 = every core
    QString colorMap = QStringLiteral("JET");
    QString defaultPreset = QStringLiteral("cpu");
    QString language;  // "" = the system's language; else e.g. "de" (see translation.h)

    static Preferences load();
    void save() const;
};

// The one place the program's compute threads are set (LibTorch's intra-op pool); loading or
// training a model never changes them. Returns the count in effect.
int applyComputeThreads(const Preferences& preferences);

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& preferences, QWidget* parent = nullptr);
    Preferences preferences() const;

private:
    QSpinBox* m_threads;
    QComboBox* m_colorMap;
    QComboBox* m_preset;
    QComboBox* m_language;  // takes effect after a restart (translation.h offers one)
};

}  // namespace utad::ui
