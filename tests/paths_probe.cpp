// Prints where a program placed in some bin/ folder finds its data and translations, and one
// translated text: tests/install/install_check.cmake copies it into an installed tree and runs it there.
#include "ui/translation.h"
#include "utad/error.h"
#include "utad/paths.h"

#include <QApplication>
#include <iostream>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    try {
        std::cout << "data=" << utad::dataDirectory().string() << '\n'
                  << "sample=" << utad::sampleDirectory().string() << '\n'
                  << "models=" << utad::modelsDirectory().string() << '\n';
    } catch (const utad::Error& e) {
        std::cout << "error=" << e.what() << '\n';
    }
    std::cout << "translations=" << utad::translationsDirectory().string() << '\n'
              << "languages=" << utad::ui::availableLanguages().join(' ').toStdString() << '\n';
    const QString loaded = utad::ui::installTranslators(app, QStringLiteral("de"));
    std::cout << "loaded=" << loaded.toStdString() << '\n'
              << "text=" << QCoreApplication::translate("utad::ui::Translation", "Language Changed").toStdString()
              << '\n';
    return 0;
}
