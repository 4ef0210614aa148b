#include "ui/preferences.h"

#include "ui/panelrender.h"
#include "ui/translation.h"
#include "utad/model.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QThread>

namespace utad::ui {

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    p.threads = settings.value(QStringLiteral("preferences/threads"), p.threads).toInt();
    p.colorMap = settings.value(QStringLiteral("preferences/colorMap"), p.colorMap).toString();
    p.defaultPreset = settings.value(QStringLiteral("preferences/defaultPreset"), p.defaultPreset).toString();
    p.language = savedLanguage();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("preferences/threads"), threads);
    settings.setValue(QStringLiteral("preferences/colorMap"), colorMap);
    settings.setValue(QStringLiteral("preferences/defaultPreset"), defaultPreset);
    settings.setValue(QLatin1String(kLanguageSettingsKey), language);
}

int applyComputeThreads(const Preferences& preferences) { return utad::setThreads(preferences.threads); }

PreferencesDialog::PreferencesDialog(const Preferences& preferences, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(this);

    m_threads = new QSpinBox(this);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
    m_threads->setValue(preferences.threads);
    form->addRow(tr("Compute threads:"), m_threads);

    m_colorMap = new QComboBox(this);
    m_colorMap->addItems(colorMapNames());
    m_colorMap->setCurrentText(preferences.colorMap);
    form->addRow(tr("Colour map:"), m_colorMap);

    m_preset = new QComboBox(this);
    m_preset->addItem(tr("cpu (minutes on a laptop)"), QStringLiteral("cpu"));
    m_preset->addItem(tr("paper (release size, needs a GPU)"), QStringLiteral("paper"));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(preferences.defaultPreset)));
    form->addRow(tr("Default training preset:"), m_preset);

    // Language: one entry per compiled translation found beside the program.
    m_language = new QComboBox(this);
    m_language->addItem(tr("System default"), QString());
    for (const QString& code : availableLanguages())
        m_language->addItem(languageDisplayName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));
    form->addRow(tr("Language:"), m_language);
    form->addRow(QString(), new QLabel(tr("The language takes effect at the next start."), this));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.threads = m_threads->value();
    p.colorMap = m_colorMap->currentText();
    p.defaultPreset = m_preset->currentData().toString();
    p.language = m_language->currentData().toString();
    return p;
}

}  // namespace utad::ui
