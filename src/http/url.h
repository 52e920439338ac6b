// URL helpers: percent-encoding and resolving a relative reference (an OData nextLink) against a base.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace lakeshore::http {

// Encodes everything but RFC 3986 unreserved characters.
[[nodiscard]] std::string percentEncode(std::string_view text);

// Decodes %XX escapes (malformed ones are kept as they are); '+' becomes a space when plusAsSpace
// (query strings and form bodies).
[[nodiscard]] std::string percentDecode(std::string_view text, bool plusAsSpace);

// RFC 3986 reference resolution; the base must be an absolute http(s) URL.
[[nodiscard]] Result<std::string> resolveUrl(std::string_view base, std::string_view reference);

// "http://h/root" + "accounts" -> "http://h/root/accounts" with exactly one slash between.
[[nodiscard]] std::string joinUrl(std::string_view base, std::string_view path);

// "http://127.0.0.1:8080" from "http://127.0.0.1:8080/api/x?y"; empty when not absolute http(s).
[[nodiscard]] std::string originOf(std::string_view url);

// True when an absolute http(s) URL names this machine: localhost, 127.x.x.x or [::1].
[[nodiscard]] bool isLoopbackUrl(std::string_view url);

} // namespace lakeshore::http
