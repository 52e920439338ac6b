// Shared by the TestHttpClient sources, one executable: tst_httpclient.cpp (requests, statuses, failures,
// bad URLs and headers, Retry-After parsing), tst_httpclientretry.cpp (cancellation, concurrency,
// retries) and tst_httpclientbody.cpp (gzip, the response size cap). The class and the request helpers.
#pragma once

#include "asynctest.h"
#include "http/httpclient.h"
#include "http/httpserver.h"
#include "rawserver.h"

#include <QObject>
#include <string>
#include <utility>

namespace httpclienttest {

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;

using Results = Capture<Result<Response>>;

inline Request get(const std::string &url, int timeoutMs = 5000)
{
    Request request;
    request.url = url;
    request.timeoutMs = timeoutMs;
    return request;
}

// Sends one request and waits for its single callback.
inline Result<Response> roundTrip(HttpClient &client, Request request, CancelToken cancel = {})
{
    Results results;
    client.send(std::move(request), cancel, results.callback());
    if (!results.wait())
        return makeError(ErrorKind::Invalid, "test: no callback within the deadline");
    return results.value();
}

// A plain body the server sends as is: httplib compresses text and JSON replies on its own.
inline void plainBody(ServerResponse &out, std::string body)
{
    out.contentType = "application/octet-stream";
    out.body = std::move(body);
}

} // namespace httpclienttest

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void getSendsHeadersAndReadsReply();
    void postPutDeleteSendBody();
    void statusesAreResponses_data();
    void statusesAreResponses();
    void timeout();
    void connectionRefused();
    void truncatedBodyIsNetworkError();
    void replyThatIsNotHttp_data();
    void replyThatIsNotHttp();
    void cancelBeforeStart();
    void cancelDuringTransfer();
    void cancelDuringRetryWait();
    void concurrentRequestsCallBackOnce();
    void retryAfterHonoured();
    void unavailableRetriedWithBackOff();
    void unreadableRetryAfterFallsBackToBackOff();
    void retryAfterBeyondLimitReturnedAtOnce();
    void retriesExhausted();
    void notIdempotentRetriedOnlyAfter429();
    void gzipDecoded();
    void gzipBombTooLarge();
    void tooLargeWithContentLength();
    void tooLargeWithoutContentLength_data();
    void tooLargeWithoutContentLength();
    void chunkedReplyUnderCap();
    void malformedUrl_data();
    void malformedUrl();
    void headerWithLineBreak_data();
    void headerWithLineBreak();
    void destroyCancelsInFlight();
    void parseRetryAfterValues_data();
    void parseRetryAfterValues();
    void responseHeaderLookup();
};
