// Authenticator: header values for none/bearer/basic, OAuth2 client credentials against the demo
// tenant's token endpoint (fetched once, cached, used for real), and against token endpoints that
// misbehave: wrong secret, not JSON, no access_token, down, slow with many callers waiting.
#include "asynctest.h"
#include "demo/demotenant.h"
#include "http/authenticator.h"
#include "http/httpclient.h"
#include "http/httpserver.h"

#include <atomic>
#include <map>
#include <QScopeGuard>
#include <QTest>

using namespace lakeshore;
using namespace lakeshore::http;
using namespace asynctest;

namespace {

using Tokens = Capture<Result<std::string>>;

std::string decodeForm(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::map<std::string, std::string> formFields(const std::string &body)
{
    std::map<std::string, std::string> fields;
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('&', start);
        if (end == std::string::npos)
            end = body.size();
        const std::string pair = body.substr(start, end - start);
        const auto equals = pair.find('=');
        fields[decodeForm(pair.substr(0, equals))] =
            equals == std::string::npos ? std::string() : decodeForm(pair.substr(equals + 1));
        start = end + 1;
    }
    return fields;
}

AuthConfig oauth(const std::string &tokenUrl, const std::string &secret = "s3cret")
{
    AuthConfig config;
    config.kind = AuthKind::OAuth2ClientCredentials;
    config.clientId = "lakeshore-test";
    config.secret = secret;
    config.tokenUrl = tokenUrl;
    return config;
}

demo::DemoOptions demoOptions(AuthKind auth)
{
    demo::DemoOptions options;
    options.world = demo::WorldOptions{7, demo::WorldSize::Small, domain::Date(2025, 6, 30)};
    options.auth = auth;
    return options;
}

// A token endpoint that counts its requests and answers with what the test sets.
struct TokenEndpoint
{
    HttpServer server;
    Events requests;
    Gate gate; // opened by default in start(); close-able tests construct their own
    std::mutex mutex;
    int status = 200;
    std::string body = R"({"access_token":"tok-1","token_type":"Bearer","expires_in":3600})";
    std::string contentType = "application/json";
    std::string lastBody;
    std::string lastContentType;
    std::string lastMethod;
    bool holdRequests = false;

    bool start()
    {
        server.route("/token", [this](const ServerRequest &in, ServerResponse &out) {
            requests.add();
            bool hold = false;
            {
                std::lock_guard lock(mutex);
                lastBody = in.body;
                lastContentType = in.header("Content-Type");
                lastMethod = in.method;
                hold = holdRequests;
            }
            if (hold)
                gate.waitOpen(5s);
            std::lock_guard lock(mutex);
            out.status = status;
            out.contentType = contentType;
            out.body = body;
        });
        return server.start().ok();
    }
    std::string url() const { return server.baseUrl() + "/token"; }
};

} // namespace

class TestAuthenticator : public QObject
{
    Q_OBJECT

private slots:
    void staticHeaders_data();
    void staticHeaders();
    void oauth2AgainstDemoTenant();
    void oauth2WrongSecret();
    void tokenRequestForm();
    void tokenEndpointBadReplies_data();
    void tokenEndpointBadReplies();
    void tokenEndpointDown();
    void missingTokenUrl();
    void concurrentCallersShareOneFetch();
    void invalidateFetchesAgain();
    void fetchIsSharedAndCached();
};

void TestAuthenticator::staticHeaders_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << int(AuthKind::None) << QString() << QStringLiteral("ignored") << QString();
    QTest::newRow("bearer") << int(AuthKind::Bearer) << QString() << QStringLiteral("abc.def")
                            << "Bearer abc.def";
    QTest::newRow("basic rfc example")
        << int(AuthKind::Basic) << QStringLiteral("Aladdin") << QStringLiteral("open sesame")
        << QStringLiteral("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    QTest::newRow("basic 3 bytes") << int(AuthKind::Basic) << "u"
                                   << "p"
                                   << "Basic dTpw";
    QTest::newRow("basic 4 bytes") << int(AuthKind::Basic) << "u"
                                   << "pw"
                                   << "Basic dTpwdw==";
    QTest::newRow("basic 5 bytes") << int(AuthKind::Basic) << "us"
                                   << "pw"
                                   << "Basic dXM6cHc=";
    QTest::newRow("basic empty") << int(AuthKind::Basic) << QString() << QString() << "Basic Og==";
    QTest::newRow("basic symbols") << int(AuthKind::Basic) << "demo"
                                   << "pa&ss word"
                                   << "Basic ZGVtbzpwYSZzcyB3b3Jk";
}

void TestAuthenticator::staticHeaders()
{
    QFETCH(int, kind);
    QFETCH(QString, user);
    QFETCH(QString, secret);
    QFETCH(QString, expected);
    HttpClient client;
    AuthConfig config;
    config.kind = static_cast<AuthKind>(kind);
    config.username = user.toStdString();
    config.secret = secret.toStdString();
    Authenticator authenticator(client, config);
    Tokens tokens;
    authenticator.authorization(tokens.callback());
    // Nothing to fetch: the answer comes at once, on the caller's thread.
    QCOMPARE(tokens.count(), std::size_t(1));
    QCOMPARE(tokens.thread(), std::this_thread::get_id());
    QVERIFY(tokens.value().ok());
    QCOMPARE(qs(tokens.value().value()), expected);
    QCOMPARE(authenticator.config().kind, config.kind);
}

void TestAuthenticator::oauth2AgainstDemoTenant()
{
    auto started = demo::DemoTenant::start(demoOptions(AuthKind::OAuth2ClientCredentials));
    QVERIFY2(started.ok(), qPrintable(describe(started)));
    auto &tenant = *started.value();
    const AuthConfig config = tenant.clientAuth();
    QCOMPARE(config.kind, AuthKind::OAuth2ClientCredentials);
    QCOMPARE(qs(config.tokenUrl), qs(tenant.tokenUrl()));

    HttpClient client;
    Authenticator authenticator(client, config);
    Tokens first;
    authenticator.authorization(first.callback());
    QVERIFY(first.wait());
    QVERIFY2(first.value().ok(), qPrintable(describe(first.value())));
    const std::string header = first.value().value();
    QVERIFY2(header.rfind("Bearer ", 0) == 0 && header.size() > 7, header.c_str());
    QVERIFY(first.thread() != std::this_thread::get_id()); // it had to be fetched

    // Cached: the second caller is answered at once on its own thread, without a fetch.
    Tokens second;
    authenticator.authorization(second.callback());
    QCOMPARE(second.count(), std::size_t(1));
    QCOMPARE(second.thread(), std::this_thread::get_id());
    QCOMPARE(qs(second.value().value()), qs(header));

    // The token opens the demo CRM, which refuses a request without one.
    Capture<Result<Response>> replies;
    Request with;
    with.url = tenant.crmServiceRoot() + "territories?$top=1";
    with.headers = {{"Authorization", header}};
    client.send(with, CancelToken(), replies.callback());
    Request without;
    without.url = with.url;
    client.send(without, CancelToken(), replies.callback());
    QVERIFY(replies.wait(2));
    std::vector<int> statuses;
    for (const auto &reply : replies.values()) {
        QVERIFY2(reply.ok(), qPrintable(describe(reply)));
        statuses.push_back(reply.value().status);
    }
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (std::vector<int>{200, 401}));
}

void TestAuthenticator::oauth2WrongSecret()
{
    auto started = demo::DemoTenant::start(demoOptions(AuthKind::OAuth2ClientCredentials));
    QVERIFY2(started.ok(), qPrintable(describe(started)));
    AuthConfig config = started.value()->clientAuth();
    config.secret = "not-the-secret";
    HttpClient client;
    Authenticator authenticator(client, config);
    Tokens tokens;
    authenticator.authorization(tokens.callback());
    QVERIFY(tokens.wait());
    const auto result = tokens.value();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Auth);
    QCOMPARE(result.error().httpStatus, 401);
    QVERIFY2(result.error().message.find("invalid_client") != std::string::npos,
             result.error().message.c_str());
    QVERIFY2(result.error().message.find("wrong secret") != std::string::npos,
             result.error().message.c_str());
}

void TestAuthenticator::tokenRequestForm()
{
    TokenEndpoint endpoint;
    QVERIFY(endpoint.start());
    HttpClient client;
    AuthConfig config = oauth(endpoint.url(), "p&ss=w rd+%/é");
    config.scope = "https://crm.example.com/.default";
    Authenticator authenticator(client, config);
    Tokens tokens;
    authenticator.authorization(tokens.callback());
    QVERIFY(tokens.wait());
    QVERIFY2(tokens.value().ok(), qPrintable(describe(tokens.value())));
    QCOMPARE(qs(tokens.value().value()), QStringLiteral("Bearer tok-1"));

    std::lock_guard lock(endpoint.mutex);
    QCOMPARE(qs(endpoint.lastMethod), QStringLiteral("POST"));
    QCOMPARE(qs(endpoint.lastContentType), QStringLiteral("application/x-www-form-urlencoded"));
    const auto fields = formFields(endpoint.lastBody);
    QCOMPARE(qs(fields.at("grant_type")), QStringLiteral("client_credentials"));
    QCOMPARE(qs(fields.at("client_id")), QStringLiteral("lakeshore-test"));
    QCOMPARE(qs(fields.at("client_secret")), qs(config.secret));
    QCOMPARE(qs(fields.at("scope")), qs(config.scope));
}

void TestAuthenticator::tokenEndpointBadReplies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("html page") << 200 << "text/html"
                               << "<html><body>Sign in</body></html>" << int(ErrorKind::Malformed)
                               << "access_token";
    QTest::newRow("no access_token") << 200 << "application/json"
                                     << R"({"token_type":"Bearer"})" << int(ErrorKind::Malformed)
                                     << "access_token";
    QTest::newRow("token not a string")
        << 200 << "application/json"
        << R"({"access_token":42})" << int(ErrorKind::Malformed) << "access_token";
    QTest::newRow("empty token") << 200 << "application/json"
                                 << R"({"access_token":""})" << int(ErrorKind::Malformed) << "access_token";
    QTest::newRow("JSON array") << 200 << "application/json"
                                << "[1,2]" << int(ErrorKind::Malformed) << "access_token";
    QTest::newRow("empty body") << 200 << "application/json"
                                << "" << int(ErrorKind::Malformed) << "access_token";
    QTest::newRow("500 html") << 500 << "text/html"
                              << "<h1>oops</h1>" << int(ErrorKind::Auth) << "HTTP 500";
    QTest::newRow("400 oauth error") << 400 << "application/json"
                                     << R"({"error":"invalid_scope","error_description":"no such scope"})"
                                     << int(ErrorKind::Auth) << "invalid_scope (no such scope)";
    QTest::newRow("403 error not a string") << 403 << "application/json"
                                            << R"({"error":{"x":1}})" << int(ErrorKind::Auth) << "HTTP 403";
}

void TestAuthenticator::tokenEndpointBadReplies()
{
    QFETCH(int, status);
    QFETCH(QString, contentType);
    QFETCH(QString, body);
    QFETCH(int, kind);
    QFETCH(QString, mentions);
    TokenEndpoint endpoint;
    endpoint.status = status;
    endpoint.contentType = contentType.toStdString();
    endpoint.body = body.toStdString();
    QVERIFY(endpoint.start());
    HttpClient client;
    Authenticator authenticator(client, oauth(endpoint.url()));
    Tokens tokens;
    authenticator.authorization(tokens.callback());
    QVERIFY(tokens.wait());
    const auto result = tokens.value();
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().kind), kind);
    QVERIFY2(qs(result.error().message).contains(mentions), result.error().message.c_str());

    // A failure is not cached: the next caller asks again.
    Tokens again;
    authenticator.authorization(again.callback());
    QVERIFY(again.wait());
    QVERIFY(!again.value().ok());
    QCOMPARE(endpoint.requests.count(), std::size_t(2));
}

void TestAuthenticator::tokenEndpointDown()
{
    HttpClient client;
    Authenticator authenticator(client, oauth("http://127.0.0.1:" + std::to_string(closedPort()) + "/token"));
    Tokens tokens;
    authenticator.authorization(tokens.callback());
    QVERIFY(tokens.wait());
    QVERIFY(!tokens.value().ok());
    QCOMPARE(tokens.value().error().kind, ErrorKind::Network);
}

void TestAuthenticator::missingTokenUrl()
{
    HttpClient client;
    Authenticator authenticator(client, oauth(""));
    Tokens tokens;
    authenticator.authorization(tokens.callback());
    QVERIFY(tokens.wait());
    QVERIFY(!tokens.value().ok());
    QCOMPARE(tokens.value().error().kind, ErrorKind::Invalid);

    Authenticator garbage(client, oauth("not a url at all"));
    Tokens bad;
    garbage.authorization(bad.callback());
    QVERIFY(bad.wait());
    QVERIFY(!bad.value().ok());
    QVERIFY2(bad.value().error().kind == ErrorKind::Invalid || bad.value().error().kind == ErrorKind::Network,
             qPrintable(describe(bad.value())));
}

void TestAuthenticator::concurrentCallersShareOneFetch()
{
    TokenEndpoint endpoint;
    endpoint.holdRequests = true;
    QVERIFY(endpoint.start());
    auto release = qScopeGuard([&] { endpoint.gate.open(); });
    HttpClient client;
    Authenticator authenticator(client, oauth(endpoint.url()));

    constexpr int kCallers = 12;
    Tokens tokens;
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i)
        callers.emplace_back([&] { authenticator.authorization(tokens.callback()); });
    for (auto &caller : callers)
        caller.join();
    QVERIFY(endpoint.requests.waitFor(1));
    QCOMPARE(tokens.count(), std::size_t(0)); // all waiting for the one fetch
    endpoint.gate.open();
    QVERIFY(tokens.wait(kCallers));
    for (const auto &token : tokens.values()) {
        QVERIFY2(token.ok(), qPrintable(describe(token)));
        QCOMPARE(qs(token.value()), QStringLiteral("Bearer tok-1"));
    }
    QCOMPARE(endpoint.requests.count(), std::size_t(1));
}

void TestAuthenticator::invalidateFetchesAgain()
{
    TokenEndpoint endpoint;
    QVERIFY(endpoint.start());
    HttpClient client;
    Authenticator authenticator(client, oauth(endpoint.url()));
    Tokens first;
    authenticator.authorization(first.callback());
    QVERIFY(first.wait());
    QCOMPARE(qs(first.value().value()), QStringLiteral("Bearer tok-1"));

    {
        std::lock_guard lock(endpoint.mutex);
        endpoint.body = R"({"access_token":"tok-2","expires_in":3600})";
    }
    authenticator.invalidate();
    Tokens second;
    authenticator.authorization(second.callback());
    QVERIFY(second.wait());
    QCOMPARE(qs(second.value().value()), QStringLiteral("Bearer tok-2"));
    QCOMPARE(endpoint.requests.count(), std::size_t(2));
}

void TestAuthenticator::fetchIsSharedAndCached()
{
    // The token fetch is shared by every waiting caller, so no caller's cancel stops it: a caller whose
    // request was cancelled meanwhile simply finds its own request cancelled, and the token is cached.
    TokenEndpoint endpoint;
    endpoint.holdRequests = true;
    QVERIFY(endpoint.start());
    auto release = qScopeGuard([&] { endpoint.gate.open(); });
    HttpClient client;
    Authenticator authenticator(client, oauth(endpoint.url()));

    Tokens tokens;
    authenticator.authorization(tokens.callback());
    QVERIFY(endpoint.requests.waitFor(1));
    endpoint.gate.open();
    QVERIFY(tokens.wait());
    QVERIFY2(tokens.value().ok(), qPrintable(describe(tokens.value())));

    Tokens later;
    authenticator.authorization(later.callback());
    QVERIFY(later.wait());
    QVERIFY2(later.value().ok(), qPrintable(describe(later.value())));
    QCOMPARE(endpoint.requests.count(), std::size_t(1));
}

QTEST_APPLESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
