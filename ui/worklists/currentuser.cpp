#include "currentuser.h"

#include <pwd.h>
#include <unistd.h>

namespace lakeshore::ui {

std::string currentUser()
{
    // The password database rather than $USER, which any process can set.
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name && *entry->pw_name)
        return entry->pw_name;
    return "uid-" + std::to_string(geteuid());
}

} // namespace lakeshore::ui
