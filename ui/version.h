#pragma once
#include <QString>
namespace utad::ui {
QString versionString();  // the project version from CMake, e.g. "0.1.0"
}
