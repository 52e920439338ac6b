#include "sharing/delta/logpublish.h"

#include "crypto/encoding.h"
#include "crypto/random.h"
#include "sharing/delta/deltalog.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace lakeshore::sharing::delta {

namespace {

Error systemError(const std::string &what, const std::string &path)
{
    return makeError(ErrorKind::Storage, what + " " + path + ": " + std::strerror(errno));
}

Status writeAll(int fd, const std::string &contents, const std::string &path)
{
    std::string_view rest = contents;
    while (!rest.empty()) {
        const ssize_t written = ::write(fd, rest.data(), rest.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return systemError("cannot write", path);
        }
        rest.remove_prefix(static_cast<std::size_t>(written));
    }
    return okStatus();
}

} // namespace

Status syncDirectory(const std::string &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return systemError("cannot open", dir);
    const int result = ::fsync(fd);
    ::close(fd);
    if (result != 0)
        return systemError("cannot sync", dir);
    return okStatus();
}

Result<Publish> publishCommit(const std::string &tableDir, std::int64_t version, const std::string &contents)
{
    const std::string logDir = (std::filesystem::path(tableDir) / kLogDirectory).string();
    const std::string finalPath = logDir + "/" + logFileName(version);
    auto suffix = crypto::randomBytes(8);
    if (!suffix)
        return suffix.error();
    const std::string tempPath =
        logDir + "/." + logFileName(version) + "." + crypto::toHex(suffix.value()) + ".tmp";

    const int fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return systemError("cannot create", tempPath);
    Status written = writeAll(fd, contents, tempPath);
    if (written && ::fsync(fd) != 0)
        written = systemError("cannot sync", tempPath);
    ::close(fd);
    if (!written) {
        ::unlink(tempPath.c_str());
        return written.error();
    }
    const int linked = ::link(tempPath.c_str(), finalPath.c_str());
    const int linkError = errno;
    ::unlink(tempPath.c_str());
    if (linked != 0) {
        if (linkError == EEXIST)
            return Publish::VersionTaken;
        errno = linkError;
        return systemError("cannot publish", finalPath);
    }
    if (auto synced = syncDirectory(logDir); !synced)
        return synced.error();
    return Publish::Published;
}

} // namespace lakeshore::sharing::delta
