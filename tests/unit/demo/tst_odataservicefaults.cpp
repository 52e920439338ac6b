// ODataService's injected faults, parseFault, authentication, and one round over real loopback HTTP.
#include "http/httpserver.h"
#include "tst_odatafixture.h"

#include <httplib.h>
#include <QElapsedTimer>
#include <QtTest>
#include <QXmlStreamReader>
#include <thread>

using namespace fixture;
using lakeshore::demo::Fault;
using lakeshore::demo::parseFault;
using lakeshore::demo::parseFaults;

namespace {

Fault fault(const char *spec)
{
    auto parsed = parseFault(spec);
    if (!parsed.ok())
        qFatal("bad spec %s: %s", spec, parsed.error().message.c_str());
    return parsed.value();
}

} // namespace

class TestODataServiceFaults : public QObject
{
    Q_OBJECT

private slots:
    void statusFault();
    void unauthorizedFault();
    void latencyFault();
    void malformedBody();
    void odataErrorBody();
    void nextLinkLoop();
    void hugeBody();
    void faultMatching();
    void timesCountedAcrossThreads();
    void parseFaultSpecs_data();
    void parseFaultSpecs();
    void bearerAndBasicAuth();
    void loopbackHttp();
};

void TestODataServiceFaults::statusFault()
{
    Fixture f;
    f.service.setFaults({fault("accounts:status=503,retry-after=2,times=1"), fault("contacts:status=429")});
    auto first = f.service.handle(request("accounts"));
    QCOMPARE(first.status, 503);
    QCOMPARE(header(first, "Retry-After"), std::string("2"));
    QCOMPARE(json(first)["error"]["code"].get<std::string>(), std::string("ServiceUnavailable"));
    QCOMPARE(f.service.handle(request("accounts")).status, 200);
    auto throttled = f.service.handle(request("contacts"));
    QCOMPARE(throttled.status, 429);
    QVERIFY(header(throttled, "Retry-After").empty()); // none asked for
    QCOMPARE(f.service.handle(request("territories")).status, 200);
    f.service.setFaults({});
    QCOMPARE(f.service.handle(request("contacts")).status, 200);
}

void TestODataServiceFaults::unauthorizedFault()
{
    Fixture f;
    f.service.setFaults({fault("*:status=401")});
    auto response = f.service.handle(request("accounts"));
    QCOMPARE(response.status, 401);
    QVERIFY(header(response, "WWW-Authenticate").rfind("Bearer", 0) == 0);
}

void TestODataServiceFaults::latencyFault()
{
    Fixture f;
    f.service.setFaults({fault("*:latency=60")});
    for (const char *target : {"accounts?$top=1", "$metadata"}) {
        QElapsedTimer timer;
        timer.start();
        auto response = f.service.handle(request(target));
        QVERIFY(timer.elapsed() >= 60);
        QCOMPARE(response.status, 200);
    }
}

void TestODataServiceFaults::malformedBody()
{
    Fixture f;
    f.service.setFaults({fault("accounts:body=malformed,times=2"), fault("$metadata:body=malformed")});
    for (int i = 0; i < 2; ++i) {
        auto response = f.service.handle(request("accounts?$top=5"));
        QCOMPARE(response.status, 200);
        QVERIFY(!nlohmann::json::accept(response.body));
    }
    QVERIFY(nlohmann::json::accept(f.service.handle(request("accounts?$top=5")).body));
    QVERIFY(nlohmann::json::accept(f.service.handle(request("accounts(" + guid(1) + ")")).body));

    QXmlStreamReader xml(QByteArray::fromStdString(f.service.handle(request("$metadata")).body));
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY(xml.hasError());
}

void TestODataServiceFaults::odataErrorBody()
{
    Fixture f;
    f.service.setFaults({fault("accounts:body=odata-error")});
    auto response = f.service.handle(request("accounts"));
    QCOMPARE(response.status, 400);
    auto error = json(response)["error"];
    QVERIFY(error["code"].is_string() && !error["code"].get<std::string>().empty());
    QVERIFY(error["message"].is_string());
    QCOMPARE(error["target"].get<std::string>(), std::string("accounts"));
    QCOMPARE(error["details"].size(), std::size_t(2));
    QVERIFY(error["details"][0]["code"].is_string() && error["details"][0]["message"].is_string());
    QVERIFY(error["innererror"].is_object());
}

void TestODataServiceFaults::nextLinkLoop()
{
    Fixture f(40);
    f.service.setFaults({fault("accounts:body=nextlink-loop")});
    auto body = json(f.service.handle(request("accounts?$top=3&$select=name")));
    QCOMPARE(body["value"].size(), std::size_t(3));
    const std::string link = body["@odata.nextLink"];
    QCOMPARE(link, kServiceUrl + "accounts?$top=3&$select=name");
    QCOMPARE(json(f.service.handle(request(link, {}, true)))["@odata.nextLink"].get<std::string>(), link);

    f.service.setRelativeNextLinks(true);
    auto relative = json(f.service.handle(request("accounts?$filter=name eq 'x'")));
    QCOMPARE(relative["@odata.nextLink"].get<std::string>(), std::string("accounts?$filter=name%20eq%20'x'"));
}

void TestODataServiceFaults::hugeBody()
{
    Fixture f;
    f.service.setFaults({fault("accounts:body=huge,bytes=200000")});
    auto response = f.service.handle(request("accounts?$top=2"));
    QCOMPARE(response.status, 200);
    QVERIFY2(response.body.size() >= 200000 && response.body.size() < 200100,
             qPrintable(QString::number(response.body.size())));
    auto body = json(response);
    QVERIFY(!body.is_discarded());
    QCOMPARE(body["value"].size(), std::size_t(2));

    f.service.setFaults({fault("$metadata:body=huge,bytes=100k")});
    auto metadata = f.service.handle(request("$metadata"));
    QVERIFY(metadata.body.size() >= 100 * 1024);
    QXmlStreamReader xml(QByteArray::fromStdString(metadata.body));
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
}

void TestODataServiceFaults::faultMatching()
{
    Fixture f;
    // first match wins; an exhausted fault lets the next one apply
    f.service.setFaults(
        {fault("accounts:status=500,times=1"), fault("accounts:status=502"), fault("*:status=503")});
    QCOMPARE(f.service.handle(request("accounts")).status, 500);
    QCOMPARE(f.service.handle(request("accounts")).status, 502);
    QCOMPARE(f.service.handle(request("contacts")).status, 503);
    QCOMPARE(f.service.handle(request("$metadata")).status, 503);
    QCOMPARE(f.service.handle(request("")).status, 503);
    QCOMPARE(f.service.handle(request("accounts/$count")).status, 502);
    QCOMPARE(f.service.handle(request("accounts(" + guid(1) + ")")).status, 502);
}

void TestODataServiceFaults::timesCountedAcrossThreads()
{
    Fixture f;
    f.service.setFaults({fault("accounts:status=500,times=5")});
    const int before = f.service.requestCount();
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i)
                if (f.service.handle(request("accounts?$top=2&$filter=city ne null")).status == 500)
                    ++failed;
        });
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(failed.load(), 5);
    QCOMPARE(f.service.requestCount() - before, 80);
}

void TestODataServiceFaults::parseFaultSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>(
        "expected"); // "set|latency|status|retry|times|body|bytes", or "error: <fragment>"
    const QList<QPair<QString, QString>> cases = {
        {"salesOrders:status=500", "salesOrders|0|500|-1|-1|0|33554432"},
        {"*:latency=200", "*|200|0|-1|-1|0|33554432"},
        {"latency=200", "*|200|0|-1|-1|0|33554432"},
        {"incidents:body=malformed,times=2", "incidents|0|0|-1|2|1|33554432"},
        {"accounts:status=429,retry-after=1", "accounts|0|429|1|-1|0|33554432"},
        {"*:body=huge,bytes=20000000", "*|0|0|-1|-1|4|20000000"},
        {"*:body=huge,bytes=2m", "*|0|0|-1|-1|4|2097152"},
        {"$metadata:body=odata-error", "$metadata|0|0|-1|-1|2|33554432"},
        {"accounts:body=nextlink-loop,latency=5,times=-1", "accounts|5|0|-1|-1|3|33554432"},
        {"accounts:status=503,retry-after=0,times=3,latency=10", "accounts|10|503|0|3|0|33554432"},
        {"", "error: no settings"},
        {"accounts:", "error: no settings"},
        {"acc-ounts:status=500", "error: not '*', '$metadata' or an entity set"},
        {"accounts:status", "error: expected name=value"},
        {"accounts:status=abc", "error: status must be"},
        {"accounts:status=99", "error: status must be"},
        {"accounts:status=500,status=502", "error: given twice"},
        {"accounts:latency=-1", "error: latency must be"},
        {"accounts:times=0", "error: times must be"},
        {"accounts:body=weird", "error: body must be"},
        {"accounts:colour=red", "error: unknown setting 'colour'"},
        {"accounts:retry-after=1", "error: retry-after goes with status=429"},
        {"accounts:status=500,retry-after=1", "error: retry-after goes with status=429"},
        {"accounts:status=500,body=malformed", "error: status and body are alternatives"},
        {"accounts:bytes=100", "error: bytes goes with body=huge"},
        {"accounts:body=huge,bytes=0", "error: bytes must be"},
        {"accounts:times=3", "error: changes nothing"},
        {"accounts:status=500,", "error: expected name=value"},
    };
    for (const auto &[spec, expected] : cases)
        QTest::newRow(spec.isEmpty() ? "<empty>" : spec.toUtf8().constData()) << spec << expected;
}

void TestODataServiceFaults::parseFaultSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    auto parsed = parseFault(spec.toStdString());
    if (expected.startsWith("error: ")) {
        QVERIFY(!parsed.ok());
        const QString message = QString::fromStdString(parsed.error().message);
        QVERIFY2(message.contains(expected.mid(7)), qPrintable(message));
        return;
    }
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    const Fault &f = parsed.value();
    const QString got = QString("%1|%2|%3|%4|%5|%6|%7")
                            .arg(QString::fromStdString(f.entitySet))
                            .arg(f.latencyMs)
                            .arg(f.status)
                            .arg(f.retryAfterSeconds)
                            .arg(f.times)
                            .arg(static_cast<int>(f.body))
                            .arg(f.hugeBytes);
    QCOMPARE(got, expected);
}

void TestODataServiceFaults::bearerAndBasicAuth()
{
    QCOMPARE(parseFaults("accounts:status=503,times=1;;*:latency=5").value().size(), std::size_t(2));
    QVERIFY(!parseFaults("accounts:status=503;*:nope=1").ok());

    Fixture f;
    f.service.requireBearer("s3cret");
    auto denied = f.service.handle(request("accounts"));
    QCOMPARE(denied.status, 401);
    QCOMPARE(json(denied)["error"]["code"].get<std::string>(), std::string("Unauthorized"));
    QVERIFY(header(denied, "WWW-Authenticate").rfind("Bearer", 0) == 0);
    QCOMPARE(f.service.handle(request("accounts", {{"Authorization", "Bearer wrong"}})).status, 401);
    QCOMPARE(f.service.handle(request("accounts", {{"Authorization", "Bearer s3cret"}})).status, 200);
    QCOMPARE(f.service.handle(request("$metadata", {{"authorization", "bearer s3cret"}})).status, 200);

    f.service.requireBearer("");
    f.service.requireBasic("ann", "pa:ss");
    const std::string good = "Basic " + QByteArray("ann:pa:ss").toBase64().toStdString();
    const std::string bad = "Basic " + QByteArray("ann:nope").toBase64().toStdString();
    auto basicDenied = f.service.handle(request("accounts", {{"Authorization", bad}}));
    QCOMPARE(basicDenied.status, 401);
    QVERIFY(header(basicDenied, "WWW-Authenticate").rfind("Basic", 0) == 0);
    QCOMPARE(f.service.handle(request("accounts", {{"Authorization", good}})).status, 200);
    QCOMPARE(f.service.handle(request("accounts", {{"Authorization", "Bearer s3cret"}})).status, 401);

    f.service.requireBasic("", "");
    QCOMPARE(f.service.handle(request("accounts")).status, 200);
}

void TestODataServiceFaults::loopbackHttp()
{
    Fixture f(40);
    lakeshore::http::HttpServer server(4);
    f.service.mount(server);
    auto port = server.start("127.0.0.1", 0);
    QVERIFY(port.ok());

    httplib::Client client("127.0.0.1", port.value());
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(10, 0);
    const std::string first = kRoot +
                              "/accounts?%24select=name%2Ccity&%24filter=city%20eq%20%27Erie%27%20or%20"
                              "startswith(name%2C%27Account%201%27)&%24orderby=name%20desc&%24count=true";
    std::vector<nlohmann::json> rows;
    std::string target = first;
    int pages = 0;
    int total = -1;
    while (!target.empty() && pages < 20) {
        auto reply = client.Get(target.c_str(), {{"Accept", "application/json"}});
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->get_header_value("OData-Version"), std::string("4.0"));
        auto body = nlohmann::json::parse(reply->body);
        total = body["@odata.count"].get<int>();
        for (auto &row : body["value"])
            rows.push_back(row);
        ++pages;
        const std::string next = body.value("@odata.nextLink", std::string());
        const std::string origin = "http://127.0.0.1:" + std::to_string(port.value());
        QVERIFY2(next.empty() || next.rfind(origin + kRoot + "/accounts?", 0) == 0, next.c_str());
        target = next.empty() ? std::string() : next.substr(origin.size());
    }
    Fixture whole(100000);
    auto expected = json(whole.service.handle(request("accounts?$select=name,city&$filter=city eq 'Erie' or "
                                                      "startswith(name,'Account 1')&$orderby=name desc")));
    QCOMPARE(nlohmann::json(rows), expected["value"]);
    QCOMPARE(total, static_cast<int>(rows.size()));
    QVERIFY(pages > 1);

    auto entity = client.Get((kRoot + "/accounts(" + guid(5) + ")").c_str());
    QVERIFY(entity);
    QCOMPARE(entity->status, 200);
    const std::string etag = entity->get_header_value("ETag");
    QCOMPARE(etag, std::string("W/\"1005\""));
    auto cached = client.Get((kRoot + "/accounts(" + guid(5) + ")").c_str(), {{"If-None-Match", etag}});
    QVERIFY(cached);
    QCOMPARE(cached->status, 304);
    auto missing = client.Get((kRoot + "/nothing").c_str());
    QVERIFY(missing);
    QCOMPARE(missing->status, 404);
    server.stop();
}

int runODataServiceFaultTests(int argc, char **argv)
{
    TestODataServiceFaults faults;
    return QTest::qExec(&faults, argc, argv);
}

#include "tst_odataservicefaults.moc"
