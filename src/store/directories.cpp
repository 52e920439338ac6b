#include "store/directories.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace lakeshore::store {

namespace {

Error directoryError(const std::string &path, const std::string &reason)
{
    return makeError(ErrorKind::Storage, "settings folder " + path + " " + reason);
}

} // namespace

Status ensureParentDirectory(const std::string &filePath)
{
    const std::filesystem::path parent = std::filesystem::path(filePath).parent_path();
    if (parent.empty())
        return okStatus();

    std::filesystem::path prefix;
    for (const auto &part : parent) {
        prefix /= part;
        const std::string current = prefix.string();
        struct stat info
        {
        };
        if (::stat(current.c_str(), &info) == 0) {
            if (!S_ISDIR(info.st_mode))
                return directoryError(current, "is not a folder");
            continue;
        }
        if (errno != ENOENT)
            return directoryError(current, std::string("cannot be inspected: ") + std::strerror(errno));
        if (::mkdir(current.c_str(), 0700) == 0)
            ::chmod(current.c_str(), 0700); // the umask may have taken bits the owner needs
        else if (errno != EEXIST)
            return directoryError(current, std::string("cannot be created: ") + std::strerror(errno));
    }
    return okStatus();
}

void syncDirectoryOf(const std::string &filePath)
{
    std::filesystem::path parent = std::filesystem::path(filePath).parent_path();
    if (parent.empty())
        parent = ".";
    const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace lakeshore::store
