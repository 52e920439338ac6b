// errorFromResponse: an unsuccessful OData reply (status, error JSON if any, Retry-After) to a typed Error.
#include "asynctest.h"
#include "odata/odataerror.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::odata;
using asynctest::qs;

namespace {

http::Response reply(int status, std::string body, http::Headers headers = {})
{
    http::Response response;
    response.status = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    return response;
}

} // namespace

class TestODataError : public QObject
{
    Q_OBJECT

private slots:
    void mapped_data();
    void mapped();
    void longMessageCut();
    void deeplyNestedBody();
    void serviceMessageKept();
};

void TestODataError::mapped_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("retryAfter");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message"); // the whole message, or a part of it after '~'

    QTest::newRow("400 with details")
        << 400
        << R"({"error":{"code":"BadRequest","message":"Bad $filter","target":"$filter",)"
           R"("details":[{"code":"a","message":"near 'eq'"},{"message":"at 12"},{"code":"no message"},7],)"
           R"("innererror":{"trace":"x"}}})"
        << QString() << int(ErrorKind::Service) << "BadRequest"
        << "Bad $filter; near 'eq'; at 12";
    QTest::newRow("V2 message object")
        << 400 << R"({"error":{"code":"X1","message":{"lang":"en","value":"Old style"}}})" << QString()
        << int(ErrorKind::Service) << "X1"
        << "Old style";
    QTest::newRow("code only") << 409 << R"({"error":{"code":"Conflict"}})" << QString()
                               << int(ErrorKind::Service) << "Conflict"
                               << "the service reported an error";
    QTest::newRow("500 with error body")
        << 500 << R"({"error":{"code":"InternalServerError","message":"boom"}})" << QString()
        << int(ErrorKind::Service) << "InternalServerError"
        << "boom";
    QTest::newRow("401") << 401 << R"({"error":{"code":"Unauthorized","message":"token expired"}})"
                         << QString() << int(ErrorKind::Auth) << "Unauthorized"
                         << "the service did not accept the credentials: token expired";
    QTest::newRow("401 no body") << 401 << "" << QString() << int(ErrorKind::Auth) << ""
                                 << "the service did not accept the credentials";
    QTest::newRow("403") << 403 << "<html>Forbidden</html>" << QString() << int(ErrorKind::Auth) << ""
                         << "the credentials lack permission";
    QTest::newRow("404") << 404 << R"({"error":{"code":"NotFound","message":"No account with key x."}})"
                         << QString() << int(ErrorKind::NotFound) << "NotFound"
                         << "not found: No account with key x.";
    QTest::newRow("429 Retry-After") << 429 << ""
                                     << "7" << int(ErrorKind::RateLimited) << ""
                                     << "the service is rate limiting requests (Retry-After: 7)";
    QTest::newRow("429 with body") << 429 << R"({"error":{"code":"TooManyRequests","message":"Slow down."}})"
                                   << "" << int(ErrorKind::RateLimited) << "TooManyRequests"
                                   << "the service is rate limiting requests: Slow down.";
    QTest::newRow("503") << 503 << ""
                         << "120" << int(ErrorKind::RateLimited) << ""
                         << "the service is unavailable (Retry-After: 120)";
    QTest::newRow("500 no body") << 500 << "" << QString() << int(ErrorKind::Http) << ""
                                 << "unexpected HTTP status 500";
    QTest::newRow("502 html") << 502 << "<html><body>Bad gateway</body></html>" << QString()
                              << int(ErrorKind::Http) << ""
                              << "unexpected HTTP status 502";
    QTest::newRow("garbage bytes") << 500 << QString::fromLatin1("\x01\x02{{{\xff") << QString()
                                   << int(ErrorKind::Http) << ""
                                   << "~unexpected HTTP status 500";
    QTest::newRow("plain text first line") << 500 << "NullReferenceException: boom\r\n   at Service.Read()\n"
                                           << QString() << int(ErrorKind::Http) << ""
                                           << "unexpected HTTP status 500: NullReferenceException: boom";
    QTest::newRow("plain text 404") << 404 << "Cannot GET /x" << QString() << int(ErrorKind::NotFound) << ""
                                    << "not found: Cannot GET /x";
    QTest::newRow("truncated JSON") << 400 << R"({"error":{"code":"Bad)" << QString() << int(ErrorKind::Http)
                                    << ""
                                    << "unexpected HTTP status 400";
    QTest::newRow("error is a string")
        << 400 << R"({"error":"boom"})" << QString() << int(ErrorKind::Http) << ""
        << "unexpected HTTP status 400";
    QTest::newRow("empty error object") << 400 << R"({"error":{}})" << QString() << int(ErrorKind::Http) << ""
                                        << "unexpected HTTP status 400";
    QTest::newRow("wrong types") << 400 << R"({"error":{"code":5,"message":["x"],"details":"y"}})"
                                 << QString() << int(ErrorKind::Http) << ""
                                 << "unexpected HTTP status 400";
    QTest::newRow("JSON array") << 400 << "[1,2,3]" << QString() << int(ErrorKind::Http) << ""
                                << "~unexpected HTTP status 400";
    QTest::newRow("302 redirect") << 302 << "" << QString() << int(ErrorKind::Http) << ""
                                  << "~302";
}

void TestODataError::mapped()
{
    QFETCH(int, status);
    QFETCH(QString, body);
    QFETCH(QString, retryAfter);
    QFETCH(int, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    http::Headers headers;
    if (!retryAfter.isEmpty())
        headers.emplace_back("retry-after", retryAfter.toStdString());
    const Error error = errorFromResponse(reply(status, body.toStdString(), headers));
    QCOMPARE(int(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(qs(error.code), code);
    if (message.startsWith('~'))
        QVERIFY2(qs(error.message).contains(message.mid(1)), error.message.c_str());
    else
        QCOMPARE(qs(error.message), message);
    QVERIFY(!error.describe().empty());
}

void TestODataError::longMessageCut()
{
    const std::string longText(5000, 'm');
    const Error error =
        errorFromResponse(reply(400, R"({"error":{"code":"Long","message":")" + longText + "\"}}"));
    QCOMPARE(error.kind, ErrorKind::Service);
    QVERIFY(error.message.size() < 600);
    QVERIFY(error.message.rfind(std::string(500, 'm'), 0) == 0);
}

void TestODataError::deeplyNestedBody()
{
    // A hostile body must not exhaust the stack.
    const std::string body = std::string(200000, '[') + std::string(200000, ']');
    const Error error = errorFromResponse(reply(500, body));
    QCOMPARE(error.kind, ErrorKind::Http);
    const std::string objects = R"({"error":)" + std::string(100000, '{');
    QCOMPARE(errorFromResponse(reply(400, objects)).kind, ErrorKind::Http);
}

void TestODataError::serviceMessageKept()
{
    // The service's own words, apart from our summary, so a UI can show them as the service's.
    const Error odata = errorFromResponse(reply(400, R"({"error":{"code":"X","message":"Bad $filter"}})"));
    QCOMPARE(qs(odata.serviceMessage), QStringLiteral("Bad $filter"));
    const Error plain = errorFromResponse(reply(500, "Service crashed\nstack"));
    QCOMPARE(qs(plain.serviceMessage), QStringLiteral("Service crashed"));
    const Error html =
        errorFromResponse(reply(502, "<html>Bad gateway</html>", {{"Content-Type", "text/html"}}));
    QVERIFY(html.serviceMessage.empty());
    const Error none = errorFromResponse(reply(500, ""));
    QVERIFY(none.serviceMessage.empty());
    QVERIFY(none.message.find("500") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestODataError)
#include "tst_odataerror.moc"
