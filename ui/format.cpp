#include "ui/format.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLocale>
#include <cmath>

namespace utad::ui {

QString labelKey(utad::Label label)
{
    switch (label) {
    case utad::Label::Good: return QStringLiteral("good");
    case utad::Label::Anomalous: return QStringLiteral("anomalous");
    case utad::Label::Unknown: break;
    }
    return QStringLiteral("unknown");
}

utad::Label labelFromKey(const QString& key)
{
    if (key == QLatin1String("good"))
        return utad::Label::Good;
    if (key == QLatin1String("anomalous"))
        return utad::Label::Anomalous;
    return utad::Label::Unknown;
}

QString localNumber(double v, char format, int precision)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(v, format, precision);
}

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QStringLiteral("%1 %").arg(localNumber(100 * fraction, 'f', 1))
                                   : QStringLiteral("–");
}

QString formatDuration(double seconds)
{
    if (!(seconds >= 0))
        return QStringLiteral("?");
    const int s = int(seconds + 0.5);
    if (s < 60)
        return QCoreApplication::translate("utad::ui::Duration", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("utad::ui::Duration", "%1 min %2 s").arg(s / 60).arg(s % 60);
    return QCoreApplication::translate("utad::ui::Duration", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString pathHash(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

}  // namespace utad::ui
