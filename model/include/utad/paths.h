#pragma once
// Where the programs find their bundled data (sample dataset, sample model, translations).
// Plain C++: used by the command-line tool and the workbench alike.
//
// Installed, the data lies next to the programs: <prefix>/bin/../share/utad-workbench, found from
// the running executable, so an installed tree can be moved. Run from a build tree (build/bin),
// the programs use the source tree's resources/ folder instead. The environment variable
// UTAD_DATA_DIR, when set, overrides both.
#include <filesystem>
#include <vector>

namespace utad {

// The running program's file (from /proc/self/exe); empty when it cannot be determined.
std::filesystem::path executablePath();

// The folders searched for the bundled data, in order of preference.
std::vector<std::filesystem::path> dataDirectoryCandidates();

// The first existing folder of dataDirectoryCandidates(). Throws utad::Error naming every
// folder searched when none exists.
std::filesystem::path dataDirectory();

// dataDirectory()/samples/battery-weld: the bundled sample dataset (MVTec layout).
// These two never throw: without a data directory they name where it should be, and opening
// that path then fails with a message naming it.
std::filesystem::path sampleDirectory();

// dataDirectory()/models: the bundled sample model(s).
std::filesystem::path modelsDirectory();

// The folder holding the compiled translations (utad_<lang>.qm): <data>/translations when
// installed, <build>/translations when run from a build tree. Empty when there is none: the
// programs then speak English, their source language.
std::filesystem::path translationsDirectory();

}  // namespace utad
