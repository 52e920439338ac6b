#include "store/databasefile.h"

#include "store/directories.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lakeshore::store {

namespace {

constexpr std::size_t kHeaderSize = 100;
constexpr char kMagic[] = "SQLite format 3"; // 16 bytes with its NUL, as in the file

std::string errnoText(int error)
{
    return error == EACCES || error == EPERM ? "permission denied" : std::strerror(error);
}

Result<std::array<unsigned char, kHeaderSize>> readHeader(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return leftUntouched(path, "cannot be read (" + errnoText(errno) + ")");
    std::array<unsigned char, kHeaderSize> header{};
    std::size_t got = 0;
    while (got < header.size()) {
        const ssize_t n = ::read(fd, header.data() + got, header.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : 0;
            ::close(fd);
            return error ? leftUntouched(path, "cannot be read (" + errnoText(error) + ")")
                         : leftUntouched(path, "is too short to be an SQLite database");
        }
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return header;
}

} // namespace

Error leftUntouched(const std::string &path, std::string_view reason)
{
    return makeError(ErrorKind::Storage, "settings database " + path + " " + std::string(reason) +
                                             "; the file was left untouched");
}

Result<DatabaseFileState> inspectDatabaseFile(const std::string &path)
{
    struct stat info
    {
    };
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT)
            return DatabaseFileState::Missing;
        return leftUntouched(path, "cannot be inspected (" + errnoText(errno) + ")");
    }
    if (S_ISDIR(info.st_mode))
        return leftUntouched(path, "is a folder, not a file");
    if (!S_ISREG(info.st_mode))
        return leftUntouched(path, "is not a regular file");
    if (info.st_size == 0)
        return DatabaseFileState::Empty;

    auto header = readHeader(path);
    if (!header)
        return header.error();
    const auto &bytes = header.value();
    if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return leftUntouched(path, "is not an SQLite database");

    // Big-endian page size at offset 16, where 1 stands for 65536.
    const unsigned raw = unsigned(bytes[16]) << 8 | bytes[17];
    const unsigned pageSize = raw == 1 ? 65536 : raw;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return leftUntouched(path, "is damaged (invalid page size in its header)");
    // SQLite only ever writes whole pages, so anything else is a cut-off copy.
    if (info.st_size % pageSize != 0)
        return leftUntouched(path, "is truncated or damaged (its size is not a whole number of pages)");
    return DatabaseFileState::Existing;
}

Status createEmptyDatabaseFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return okStatus(); // someone else (lakeshore-server) created it first; it is inspected next
        return makeError(ErrorKind::Storage,
                         "settings database " + path + " cannot be created (" + errnoText(errno) + ")");
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    syncDirectoryOf(path);
    return okStatus();
}

} // namespace lakeshore::store
