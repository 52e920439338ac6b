#include "store/paths.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>
#include <vector>

namespace lakeshore::store {

namespace {

std::string environment(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

std::string homeFromPasswordDatabase()
{
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size > 0 ? static_cast<std::size_t>(size) : 16384);
    passwd entry{};
    passwd *found = nullptr;
    if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found ||
        !found->pw_dir)
        return {};
    return found->pw_dir;
}

std::string withFile(const std::string &directory, const char *file)
{
    return directory.empty() ? std::string() : directory + "/" + file;
}

} // namespace

std::string defaultDataDirectory()
{
    // The XDG spec says to ignore a relative XDG_DATA_HOME.
    const std::string xdg = environment("XDG_DATA_HOME");
    if (!xdg.empty() && xdg.front() == '/')
        return xdg + "/lakeshore";
    std::string home = environment("HOME");
    if (home.empty())
        home = homeFromPasswordDatabase();
    if (home.empty())
        return {};
    return home + "/.local/share/lakeshore";
}

std::string defaultDatabasePath()
{
    return withFile(defaultDataDirectory(), "settings.sqlite3");
}

std::string defaultKeyPath()
{
    return withFile(defaultDataDirectory(), "settings.key");
}

} // namespace lakeshore::store
