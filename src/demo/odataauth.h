// The credentials a demo service demands: a bearer token, Basic user and password, either, or none.
#pragma once

#include "http/httpserver.h"

#include <string>

namespace lakeshore::demo::odata {

struct AuthPolicy
{
    std::string bearerToken;      // empty: bearer not accepted
    std::string basicCredentials; // base64 of "user:password"; empty: Basic not accepted

    [[nodiscard]] bool required() const { return !bearerToken.empty() || !basicCredentials.empty(); }
    [[nodiscard]] bool allows(const http::ServerRequest &request) const;
    // WWW-Authenticate headers naming the accepted schemes.
    void challenge(http::ServerResponse &response) const;
};

[[nodiscard]] std::string base64(std::string_view bytes);

} // namespace lakeshore::demo::odata
