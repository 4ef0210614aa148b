#include "utad/paths.h"

#include "utad/error.h"

#include <cstdlib>
#include <system_error>

// Both are set by model/CMakeLists.txt; the fallbacks keep the file compilable on its own.
#ifndef UTAD_DATA_FROM_BIN
#define UTAD_DATA_FROM_BIN "../share/utad-workbench"
#endif
#ifndef UTAD_SOURCE_RESOURCES_DIR
#define UTAD_SOURCE_RESOURCES_DIR ""
#endif

namespace fs = std::filesystem;

namespace utad {

namespace {

bool isDirectory(const fs::path& p)
{
    std::error_code ec;
    return !p.empty() && fs::is_directory(p, ec);
}

fs::path executableDirectory()
{
    const fs::path exe = executablePath();
    return exe.empty() ? fs::path() : exe.parent_path();
}

// The data directory, or where it should be when there is none (so that the caller's own error
// names a path the user can check).
fs::path dataDirectoryOrExpected()
{
    const std::vector<fs::path> candidates = dataDirectoryCandidates();
    for (const fs::path& candidate : candidates)
        if (isDirectory(candidate))
            return candidate;
    return candidates.empty() ? fs::path() : candidates.front();
}

}  // namespace

fs::path executablePath()
{
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe;
}

std::vector<fs::path> dataDirectoryCandidates()
{
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("UTAD_DATA_DIR"); env && *env)
        candidates.emplace_back(env);
    if (const fs::path exeDir = executableDirectory(); !exeDir.empty())
        candidates.push_back((exeDir / UTAD_DATA_FROM_BIN).lexically_normal());
    if (const fs::path source = UTAD_SOURCE_RESOURCES_DIR; !source.empty())
        candidates.push_back(source);
    return candidates;
}

fs::path dataDirectory()
{
    const std::vector<fs::path> candidates = dataDirectoryCandidates();
    for (const fs::path& candidate : candidates)
        if (isDirectory(candidate))
            return candidate;
    std::string searched;
    for (const fs::path& candidate : candidates)
        searched += (searched.empty() ? "" : ", ") + candidate.string();
    throw Error("The bundled data folder was not found (searched: "
        + (searched.empty() ? std::string("nothing to search") : searched)
        + "). Reinstall the program or set UTAD_DATA_DIR.");
}

fs::path sampleDirectory() { return dataDirectoryOrExpected() / "samples" / "battery-weld"; }

fs::path modelsDirectory() { return dataDirectoryOrExpected() / "models"; }

fs::path translationsDirectory()
{
    for (const fs::path& candidate : dataDirectoryCandidates())
        if (isDirectory(candidate / "translations"))
            return candidate / "translations";
    // Build tree: the .qm files are built into <build>/translations, beside <build>/bin.
    if (const fs::path exeDir = executableDirectory(); !exeDir.empty()) {
        const fs::path built = (exeDir / ".." / "translations").lexically_normal();
        if (isDirectory(built))
            return built;
    }
    return {};
}

}  // namespace utad
