#include "demo/temporarymart.h"

#include "demo/lakehousemart.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace lakeshore::demo {
namespace {

constexpr const char *kPrefix = "lakeshore-mart-";

// A process that died without cleaning up (killed, crashed) leaves its directory behind: directories are
// named lakeshore-mart-<pid>-XXXXXX, so ours whose process is gone can be removed.
void removeStaleMarts(const std::string &base)
{
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(base, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kPrefix, 0) != 0)
            continue;
        const std::string rest = name.substr(std::strlen(kPrefix));
        char *end = nullptr;
        const long pid = std::strtol(rest.c_str(), &end, 10);
        if (pid <= 0 || end == rest.c_str() || *end != '-' || pid == ::getpid())
            continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
            continue; // alive (or not ours to ask about)
        struct stat info
        {
        };
        if (::lstat(entry.path().c_str(), &info) != 0 || !S_ISDIR(info.st_mode) || info.st_uid != ::getuid())
            continue;
        std::error_code ignored;
        std::filesystem::remove_all(entry.path(), ignored);
    }
}

} // namespace

std::unique_ptr<TemporaryMart> TemporaryMart::start(const World &world,
                                                    std::function<void(Result<std::string>)> done)
{
    std::unique_ptr<TemporaryMart> mart(new TemporaryMart());
    const char *tmp = std::getenv("TMPDIR");
    const std::string base = tmp && *tmp ? tmp : "/tmp";
    removeStaleMarts(base);
    std::string pattern = base + "/" + kPrefix + std::to_string(::getpid()) + "-XXXXXX";
    // mkdtemp makes the directory 0700: nobody else can see the file even before it is 0600.
    if (!::mkdtemp(pattern.data())) {
        const std::string reason = std::strerror(errno);
        mart->m_thread = std::thread([done = std::move(done), pattern, reason] {
            done(makeError(ErrorKind::Storage,
                           "cannot make a private directory like " + pattern + ": " + reason));
        });
        return mart;
    }
    mart->m_directory = pattern;
    mart->m_path = pattern + "/lakehouse.sqlite3";
    mart->m_thread = std::thread([world, path = mart->m_path, done = std::move(done)] {
        auto built = buildLakehouseMart(world, path);
        if (!built) {
            done(built.error());
            return;
        }
        if (::chmod(path.c_str(), 0600) != 0) {
            done(makeError(ErrorKind::Storage, "cannot make " + path + " private: " + std::strerror(errno)));
            return;
        }
        done(path);
    });
    return mart;
}

TemporaryMart::~TemporaryMart()
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_directory.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(m_directory, ignored);
    }
}

std::string TemporaryMart::path() const
{
    return m_path;
}

} // namespace lakeshore::demo
