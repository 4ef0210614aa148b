#pragma once
// Writing files the user owns (models, reports) so that a reader never sees a half-written file.
#include <string>

namespace utad {

// Writes `bytes` to `path`.part, flushes it to disk and renames it over `path` (creating the folder
// first); one writer per file at a time. On any failure the old file, if any, is left as it was and
// utad::Error is thrown with a message naming `path`.
void writeFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace utad
