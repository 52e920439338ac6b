#include "profilefile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <QFile>
#include <QFileInfo>
#include <sys/stat.h>
#include <unistd.h>

namespace lakeshore::ui {

namespace {

Error storageError(int code)
{
    return makeError(ErrorKind::Storage, std::strerror(code));
}

bool writeAll(int fd, const QByteArray &text)
{
    const char *data = text.constData();
    qsizetype left = text.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        left -= written;
    }
    return true;
}

} // namespace

Status writeProfileFile(const QString &path, const QByteArray &text)
{
    if (path.isEmpty())
        return makeError(ErrorKind::Invalid, "no file was chosen");
    if (QFileInfo(path).isDir())
        return makeError(ErrorKind::Storage, "it is a folder");
    const QByteArray target = QFile::encodeName(path);
    QByteArray temporary = target + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data()); // O_EXCL, mode 0600
    if (fd < 0)
        return storageError(errno);
    const bool written = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0 && writeAll(fd, text) && ::fsync(fd) == 0;
    const int writeError = errno;
    if (::close(fd) != 0 || !written) {
        const int code = written ? errno : writeError;
        ::unlink(temporary.constData());
        return storageError(code);
    }
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const int code = errno;
        ::unlink(temporary.constData());
        return storageError(code);
    }
    return okStatus();
}

} // namespace lakeshore::ui
