#include "http/authconfig.h"

namespace lakeshore::http {

const char *authKindName(AuthKind kind)
{
    switch (kind) {
    case AuthKind::None:
        return "none";
    case AuthKind::Bearer:
        return "bearer";
    case AuthKind::Basic:
        return "basic";
    case AuthKind::OAuth2ClientCredentials:
        return "oauth2-client-credentials";
    }
    return "none";
}

bool parseAuthKind(const std::string &name, AuthKind &out)
{
    for (AuthKind kind :
         {AuthKind::None, AuthKind::Bearer, AuthKind::Basic, AuthKind::OAuth2ClientCredentials}) {
        if (name == authKindName(kind)) {
            out = kind;
            return true;
        }
    }
    return false;
}

} // namespace lakeshore::http
