#include "csvfile.h"

#include <memory>
#include <ostream>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <streambuf>
#include <vector>

namespace lakeshore::ui {

namespace {

// An output stream buffer over a QIODevice, in 64 KiB blocks; remembers the first failed write.
class DeviceBuffer : public std::streambuf
{
public:
    explicit DeviceBuffer(QIODevice &device) : m_device(device), m_buffer(64 * 1024)
    {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }
    [[nodiscard]] bool failed() const { return m_failed; }

protected:
    int_type overflow(int_type c) override
    {
        if (!drain())
            return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain()
    {
        const qint64 size = pptr() - pbase();
        if (m_failed || (size > 0 && m_device.write(pbase(), size) != size)) {
            m_failed = true;
            return false;
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return true;
    }

    QIODevice &m_device;
    std::vector<char> m_buffer;
    bool m_failed = false;
};

Error storageError(const QString &reason)
{
    return makeError(ErrorKind::Storage, reason.toStdString());
}

} // namespace

Status writeCsvFile(const QString &path, const assistant::ResultSet &rows,
                    std::span<const std::uint32_t> order, std::span<const std::size_t> columns)
{
    if (path.isEmpty())
        return makeError(ErrorKind::Invalid, "no file was chosen");
    const QFileInfo info(path);
    if (info.isDir())
        return storageError(QStringLiteral("it is a folder"));
    std::unique_ptr<QFileDevice> file;
    if (info.exists() && !info.isFile())
        file = std::make_unique<QFile>(path); // /dev/stdout, a named pipe: nothing to rename into place
    else
        file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly))
        return storageError(file->errorString());

    DeviceBuffer buffer(*file);
    std::ostream out(&buffer);
    const Status written = rows.writeCsv(out, order, columns);
    out.flush();
    if (buffer.failed() || !out)
        return storageError(file->errorString()); // the QSaveFile's temporary file goes with it
    if (!written)
        return written;
    if (auto *save = dynamic_cast<QSaveFile *>(file.get())) {
        if (!save->commit())
            return storageError(save->errorString());
    } else if (!file->flush() || file->error() != QFileDevice::NoError) {
        return storageError(file->errorString());
    } else {
        file->close();
    }
    return okStatus();
}

} // namespace lakeshore::ui
