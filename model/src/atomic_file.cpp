// One atomic write for every file the library saves: temporary file, fsync, rename.
#include "utad/atomic_file.h"

#include "utad/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace utad {

void writeFileAtomically(const std::string& path, const std::string& bytes)
{
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path())
        fs::create_directories(target.parent_path(), ec);
    // A fixed name: a temporary left by a crash is simply replaced by the next save.
    const std::string tmp = path + ".part";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error("Cannot write " + path + ": cannot create " + tmp + " (" + std::strerror(errno) + ")");
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    int error = 0;
    while (left > 0 && error == 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno != EINTR)
            error = errno;
        else if (n > 0) {
            data += n;
            left -= std::size_t(n);
        }
    }
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error == 0 && std::rename(tmp.c_str(), path.c_str()) != 0)
        error = errno;
    if (error != 0) {
        ::unlink(tmp.c_str());
        throw Error("Cannot write " + path + ": " + std::strerror(error) + (error == ENOSPC ? " (disk full)" : ""));
    }
}

}  // namespace utad
