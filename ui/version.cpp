#include "ui/version.h"
namespace utad::ui {
QString versionString() { return QStringLiteral(UTAD_VERSION); }
}  // namespace utad::ui
