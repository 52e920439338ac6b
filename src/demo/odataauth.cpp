#include "demo/odataauth.h"

#include <strings.h>

namespace lakeshore::demo::odata {
namespace {

// The credentials after a case-insensitive scheme name, or nothing when the scheme differs.
std::string_view credentials(std::string_view header, std::string_view scheme)
{
    if (header.size() <= scheme.size() || strncasecmp(header.data(), scheme.data(), scheme.size()) != 0 ||
        header[scheme.size()] != ' ')
        return {};
    header.remove_prefix(scheme.size());
    while (!header.empty() && header.front() == ' ')
        header.remove_prefix(1);
    while (!header.empty() && header.back() == ' ')
        header.remove_suffix(1);
    return header;
}

} // namespace

bool AuthPolicy::allows(const http::ServerRequest &request) const
{
    if (!required())
        return true;
    const std::string header = request.header("Authorization");
    if (!bearerToken.empty() && credentials(header, "Bearer") == bearerToken)
        return true;
    return !basicCredentials.empty() && credentials(header, "Basic") == basicCredentials;
}

void AuthPolicy::challenge(http::ServerResponse &response) const
{
    if (!bearerToken.empty() || basicCredentials.empty())
        response.setHeader("WWW-Authenticate", "Bearer realm=\"lakeshore-demo\"");
    if (!basicCredentials.empty())
        response.setHeader("WWW-Authenticate", "Basic realm=\"lakeshore-demo\", charset=\"UTF-8\"");
}

std::string base64(std::string_view bytes)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        out += alphabet[v >> 6 & 63];
        out += alphabet[v & 63];
    }
    if (const std::size_t left = bytes.size() - i; left > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (left == 2)
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        out += left == 2 ? alphabet[v >> 6 & 63] : '=';
        out += '=';
    }
    return out;
}

} // namespace lakeshore::demo::odata
