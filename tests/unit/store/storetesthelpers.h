// Shared by the store tests: raw file and raw SQLite access, to set up and inspect what the store
// must refuse or must not change.
#pragma once

#include "store/settingsstore.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace storetest {

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline unsigned fileMode(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(path.toLocal8Bit().constData(), &info) != 0)
        return 0xffffffff;
    return info.st_mode & 07777;
}

inline bool runningAsRoot()
{
    return ::geteuid() == 0;
}

// Runs SQL on the file with SQLite itself, bypassing the store.
inline bool rawExec(const QString &path, const char *sql, bool create = false)
{
    sqlite3 *db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    bool ok = sqlite3_open_v2(path.toLocal8Bit().constData(), &db, flags, nullptr) == SQLITE_OK &&
              sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

inline QString rawQueryText(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *statement = nullptr;
    QString result = QStringLiteral("<error>");
    if (sqlite3_open_v2(path.toLocal8Bit().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW)
            result =
                sqlite3_column_type(statement, 0) == SQLITE_NULL
                    ? QStringLiteral("<null>")
                    : QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        else if (rc == SQLITE_DONE)
            result = QStringLiteral("<no row>");
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

// A settings folder in a temporary directory, with the default file names.
struct Paths
{
    QTemporaryDir dir;
    QString database = dir.filePath(QStringLiteral("data/settings.sqlite3"));
    QString key = dir.filePath(QStringLiteral("data/settings.key"));
};

inline lakeshore::Result<std::unique_ptr<lakeshore::store::SettingsStore>> open(const QString &database,
                                                                                const QString &key)
{
    return lakeshore::store::SettingsStore::open(database.toStdString(), key.toStdString());
}

inline lakeshore::Result<std::unique_ptr<lakeshore::store::SettingsStore>> open(const Paths &paths)
{
    return open(paths.database, paths.key);
}

inline const char *describe(const lakeshore::Error &error)
{
    thread_local std::string text;
    text = error.describe();
    return text.c_str();
}

} // namespace storetest

// QVERIFY a Result, printing its error when it holds one.
#define STORE_VERIFY_OK(result)                                                                              \
    QVERIFY2((result).ok(), (result).ok() ? "" : storetest::describe((result).error()))
