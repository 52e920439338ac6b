#include "demo/odataresponse.h"

namespace lakeshore::demo::odata {

const char *statusErrorCode(int status)
{
    switch (status) {
    case 400:
        return "BadRequest";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "NotFound";
    case 405:
        return "MethodNotAllowed";
    case 408:
        return "RequestTimeout";
    case 409:
        return "Conflict";
    case 412:
        return "PreconditionFailed";
    case 429:
        return "TooManyRequests";
    case 500:
        return "InternalServerError";
    case 501:
        return "NotImplemented";
    case 502:
        return "BadGateway";
    case 503:
        return "ServiceUnavailable";
    case 504:
        return "GatewayTimeout";
    default:
        return status >= 500 ? "ServerError" : "Error";
    }
}

std::string dumpJson(const nlohmann::json &value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

http::ServerResponse jsonResponse(const nlohmann::json &body, int status)
{
    http::ServerResponse response;
    response.status = status;
    response.contentType = kJsonContentType;
    response.body = dumpJson(body);
    response.setHeader("OData-Version", "4.0");
    return response;
}

http::ServerResponse errorResponse(int status, const std::string &message, std::string code)
{
    if (code.empty())
        code = statusErrorCode(status);
    return jsonResponse({{"error", {{"code", code}, {"message", message}}}}, status);
}

http::ServerResponse errorResponse(const Error &error)
{
    const int status = error.httpStatus > 0 ? error.httpStatus : 500;
    return errorResponse(status, error.message, error.code);
}

http::ServerResponse detailedErrorResponse(const std::string &target)
{
    nlohmann::json body = {
        {"error",
         {{"code", "InjectedFault"},
          {"message", "The service rejected the request (injected fault)."},
          {"target", target},
          {"details",
           {{{"code", "InjectedDetail"},
             {"message", "First detail of the injected error."},
             {"target", target}},
            {{"code", "InjectedDetail"}, {"message", "Second detail of the injected error."}}}},
          {"innererror",
           {{"message", "Inner error of the injected fault."},
            {"type", "Lakeshore.Demo.InjectedFault"},
            {"stacktrace", "at lakeshore::demo::ODataService::handle"}}}}}};
    return jsonResponse(body, 400);
}

} // namespace lakeshore::demo::odata
