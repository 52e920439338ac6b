#include "store/keyfile.h"

#include "crypto/random.h"
#include "crypto/secrets.h"
#include "store/directories.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace lakeshore::store {

namespace {

constexpr const char *kLeftAsItIs = "it was left as it is: restore the original, or remove it to start a new "
                                    "key (saved secrets must then be entered again)";

Error keyError(const std::string &path, const std::string &reason)
{
    return makeError(ErrorKind::Storage, "settings key file " + path + " " + reason);
}

std::string errnoText(int error)
{
    return error == EACCES || error == EPERM ? "permission denied" : std::strerror(error);
}

std::string modeText(mode_t mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", unsigned(mode & 07777));
    return text;
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

// nullopt: there is no key file yet.
Result<std::optional<SecretKey>> readKeyFile(const std::string &path)
{
    // O_NONBLOCK so that a FIFO in the key's place cannot hang us before fstat refuses it.
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::optional<SecretKey>();
        if (errno == ELOOP)
            return keyError(path, "is a symbolic link; it must be a regular file");
        return keyError(path, "cannot be read (" + errnoText(errno) + ")");
    }
    struct stat info
    {
    };
    if (::fstat(fd.get(), &info) != 0)
        return keyError(path, "cannot be inspected (" + errnoText(errno) + ")");
    if (!S_ISREG(info.st_mode))
        return keyError(path, "is not a regular file");
    if (info.st_uid != ::geteuid())
        return keyError(path, "is owned by another user");
    if ((info.st_mode & 077) != 0)
        return keyError(path, "is open to group or others (mode " + modeText(info.st_mode) +
                                  "); it must be readable by its owner only: chmod 600 it");
    if (info.st_size != static_cast<off_t>(SecretKey().size()))
        return keyError(path, "is " + std::to_string(info.st_size) + " bytes, but a key file holds exactly " +
                                  std::to_string(SecretKey().size()) + " bytes; " + kLeftAsItIs);

    SecretKey key{};
    std::size_t got = 0;
    while (got < key.size()) {
        const ssize_t n = ::read(fd.get(), key.data() + got, key.size() - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            crypto::wipe(key);
            return keyError(path, n < 0 ? "cannot be read (" + errnoText(errno) + ")"
                                        : std::string("changed size while being read"));
        }
        got += static_cast<std::size_t>(n);
    }
    return std::optional<SecretKey>(key);
}

Status writeAll(int fd, const std::uint8_t *data, std::size_t size)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return makeError(ErrorKind::Storage, n < 0 ? errnoText(errno) : std::string("short write"));
        done += static_cast<std::size_t>(n);
    }
    return okStatus();
}

// nullopt: another process created the key file first.
Result<std::optional<SecretKey>> createKeyFile(const std::string &path)
{
    if (auto made = ensureParentDirectory(path); !made)
        return made.error();
    auto random = crypto::randomBytes(SecretKey().size());
    if (!random)
        return random.error();
    SecretKey key{};
    std::copy(random.value().begin(), random.value().end(), key.begin());
    crypto::wipe(random.value());

    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) {
        const int error = errno;
        crypto::wipe(key);
        if (error == EEXIST)
            return std::optional<SecretKey>();
        return keyError(path, "cannot be created (" + errnoText(error) + ")");
    }
    // The umask can only have taken bits away, but the owner needs read and write.
    Status written = ::fchmod(fd.get(), 0600) == 0 ? writeAll(fd.get(), key.data(), key.size())
                                                   : makeError(ErrorKind::Storage, errnoText(errno));
    if (written && ::fsync(fd.get()) != 0)
        written = makeError(ErrorKind::Storage, errnoText(errno));
    if (written && ::close(fd.release()) != 0)
        written = makeError(ErrorKind::Storage, errnoText(errno));
    if (!written) {
        // The file is ours (O_EXCL) and holds no usable key; leaving it would block every later start.
        ::unlink(path.c_str());
        crypto::wipe(key);
        return keyError(path, "could not be written (" + written.error().message + ")");
    }
    syncDirectoryOf(path);
    return std::optional<SecretKey>(key);
}

} // namespace

Result<SecretKey> loadOrCreateKeyFile(const std::string &path)
{
    // Two rounds: if another process creates the file between our read and our create, read theirs.
    for (int round = 0; round < 2; ++round) {
        auto existing = readKeyFile(path);
        if (!existing)
            return existing.error();
        if (existing.value())
            return *existing.value();
        auto created = createKeyFile(path);
        if (!created)
            return created.error();
        if (created.value())
            return *created.value();
    }
    return keyError(path, "keeps appearing and disappearing; is another program replacing it?");
}

} // namespace lakeshore::store
