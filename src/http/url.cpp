#include "http/url.h"

#include <cctype>
#include <curl/curl.h>
#include <memory>

namespace lakeshore::http {

std::string percentEncode(std::string_view text)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string percentDecode(std::string_view text, bool plusAsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else if (c == '+' && plusAsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

Result<std::string> resolveUrl(std::string_view base, std::string_view reference)
{
    std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), curl_url_cleanup);
    const std::string baseText(base);
    const std::string referenceText(reference);
    if (curl_url_set(url.get(), CURLUPART_URL, baseText.c_str(), 0) != CURLUE_OK)
        return makeError(ErrorKind::Invalid, "not an absolute URL: " + baseText);
    if (curl_url_set(url.get(), CURLUPART_URL, referenceText.c_str(), CURLU_PATH_AS_IS) != CURLUE_OK)
        return makeError(ErrorKind::Malformed, "not a usable link: " + referenceText);
    char *scheme = nullptr;
    if (curl_url_get(url.get(), CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK)
        return makeError(ErrorKind::Malformed, "link has no scheme: " + referenceText);
    const std::string schemeText(scheme);
    curl_free(scheme);
    if (schemeText != "http" && schemeText != "https")
        return makeError(ErrorKind::Malformed, "link is not http(s): " + referenceText);
    char *full = nullptr;
    if (curl_url_get(url.get(), CURLUPART_URL, &full, 0) != CURLUE_OK)
        return makeError(ErrorKind::Malformed, "cannot resolve link: " + referenceText);
    std::string result(full);
    curl_free(full);
    return result;
}

std::string joinUrl(std::string_view base, std::string_view path)
{
    std::string out(base);
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    while (!path.empty() && path.front() == '/')
        path.remove_prefix(1);
    out += '/';
    out += path;
    return out;
}

std::string originOf(std::string_view url)
{
    auto scheme = url.find("://");
    if (scheme == std::string_view::npos)
        return {};
    const std::string_view name = url.substr(0, scheme);
    if (name != "http" && name != "https")
        return {};
    auto pathStart = url.find_first_of("/?#", scheme + 3);
    return std::string(url.substr(0, pathStart));
}

bool isLoopbackUrl(std::string_view url)
{
    const std::string origin = originOf(url);
    const auto hostStart = origin.find("://");
    if (hostStart == std::string::npos)
        return false;
    std::string host = origin.substr(hostStart + 3);
    if (host.rfind("[::1]", 0) == 0)
        return true;
    host = host.substr(0, host.find(':'));
    for (char &c : host)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    const bool dottedDigits = !host.empty() && host.find_first_not_of("0123456789.") == std::string::npos;
    return host == "localhost" || (host.rfind("127.", 0) == 0 && dottedDigits);
}

} // namespace lakeshore::http
