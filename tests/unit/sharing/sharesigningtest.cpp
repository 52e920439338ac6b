// The share server's signed pieces: file URLs (scoped to one file of one table of one tenant, expiring,
// keys derived per tenant from one master key) and page tokens (not forgeable, not alterable), and the
// NDJSON lines of its answers as the protocol's clients parse them (one line, fields as named).
#include "crypto/encoding.h"
#include "jsoncompare.h"
#include "sharing/server/pagetoken.h"
#include "sharing/server/protocollines.h"
#include "sharing/server/urlsigning.h"

#include <QTest>

using namespace lakeshore;
using namespace lakeshore::sharing;
using namespace lakeshore::sharing::server;
using nlohmann::json;

namespace {

const std::vector<std::uint8_t> kMaster(32, 0x42);
constexpr std::int64_t kNow = 1800000000000;

std::pair<std::string, std::string> split(const std::string &query)
{
    const auto amp = query.find('&');
    return {query.substr(4, amp - 4), query.substr(amp + 5)}; // "exp=...&sig=..."
}

} // namespace

class ShareSigningTest : public QObject
{
    Q_OBJECT

private slots:
    void keysDifferPerTenantAndAreStable()
    {
        const SigningKey a = tenantSigningKey(kMaster, "acme").value();
        QCOMPARE(tenantSigningKey(kMaster, "acme").value(), a);
        QVERIFY(tenantSigningKey(kMaster, "globex").value() != a);
        const std::vector<std::uint8_t> otherMaster(32, 0x43);
        QVERIFY(tenantSigningKey(otherMaster, "acme").value() != a);
        QVERIFY(!tenantSigningKey({}, "acme")); // no master key, no keys
    }

    void aSignedUrlOpensOnlyItsFileUntilItExpires()
    {
        const SigningKey key = tenantSigningKey(kMaster, "acme").value();
        const FileReference file{"acme", "accounts", "part-00000-x-c000.zstd.parquet", "r1"};
        const auto [exp, sig] = split(signFileQuery(key, file, kNow + 3600000));
        QCOMPARE(exp, std::to_string(kNow + 3600000));
        QVERIFY(verifyFileQuery(key, file, exp, sig, kNow));

        struct Case
        {
            const char *what;
            FileReference file;
            std::string exp, sig;
            std::int64_t now;
            const char *message;
        };
        const SigningKey otherTenant = tenantSigningKey(kMaster, "globex").value();
        std::string tampered = sig;
        tampered[3] = tampered[3] == 'A' ? 'B' : 'A';
        const Case cases[] = {
            {"expired", file, exp, sig, kNow + 3600000, "has expired"},
            {"later expiry written in", file, std::to_string(kNow + 7200000), sig, kNow,
             "not valid for this file"},
            {"other file", {"acme", "accounts", "part-00001-y.parquet", "r1"}, exp, sig, kNow, "not valid"},
            {"other table", {"acme", "contacts", file.file, "r1"}, exp, sig, kNow, "not valid"},
            {"other tenant", {"globex", "accounts", file.file, "r1"}, exp, sig, kNow, "not valid"},
            {"other recipient", {"acme", "accounts", file.file, "someone-else"}, exp, sig, kNow, "not valid"},
            {"tampered signature", file, exp, tampered, kNow, "not valid"},
            {"no signature", file, exp, "", kNow, "incomplete"},
            {"no expiry", file, "", sig, kNow, "incomplete"},
            {"expiry not a number", file, exp + "x", sig, kNow, "incomplete"},
        };
        for (const Case &c : cases) {
            const Status status = verifyFileQuery(key, c.file, c.exp, c.sig, c.now);
            QVERIFY2(!status, c.what);
            QCOMPARE(status.error().kind, ErrorKind::Auth);
            QVERIFY2(QString::fromStdString(status.error().message).contains(c.message), c.what);
        }
        // Another tenant's key does not verify this tenant's URL even for the same names.
        QVERIFY(!verifyFileQuery(otherTenant, file, exp, sig, kNow));
    }

    void tokensCannotBeForgedOrAltered()
    {
        const SigningKey key = tenantSigningKey(kMaster, "acme").value();
        const json payload = {{"share", "sales"}, {"offset", 500}};
        const std::string token = encodeToken(key, payload);
        auto decoded = decodeToken(key, token);
        QVERIFY(decoded);
        QCOMPARE_JSON(*decoded, payload);

        const std::string body = token.substr(0, token.find('.'));
        const std::string forgedBody =
            crypto::base64UrlEncode(json{{"share", "sales"}, {"offset", 0}}.dump());
        for (const std::string &bad :
             {std::string(), std::string("x"), token + "x", token.substr(1), body,
              forgedBody + token.substr(token.find('.')), std::string(5000, 'a') + "." + "b"})
            QVERIFY2(!decodeToken(key, bad), bad.substr(0, 40).c_str());
        QVERIFY(!decodeToken(tenantSigningKey(kMaster, "globex").value(), token));
    }

    void linesAreSingleLineJsonAsClientsParseThem()
    {
        delta::Snapshot snapshot;
        snapshot.version = 3;
        snapshot.metadata = {{"id", "7f1c"},
                             {"name", "accounts"},
                             {"description", ""},
                             {"schemaString", R"({"type":"struct","fields":[]})"},
                             {"partitionColumns", json::array()},
                             {"configuration", {{"delta.appendOnly", "false"}}}};
        delta::DataFile file;
        file.path = "part-00000-a.parquet";
        file.size = 1234;
        file.stats = R"({"numRecords":10})";
        snapshot.files = {file, file};
        snapshot.files[1].size = 66;

        QCOMPARE(protocolLine(), std::string(R"({"protocol":{"minReaderVersion":1}})"));
        const std::string metadata = metadataLine(snapshot);
        QVERIFY(metadata.find('\n') == std::string::npos);
        const json m = json::parse(metadata)["metaData"];
        QCOMPARE_JSON(m["id"], "7f1c");
        QCOMPARE_JSON(m["format"], json({{"provider", "parquet"}}));
        QCOMPARE_JSON(m["schemaString"], R"({"type":"struct","fields":[]})");
        QCOMPARE_JSON(m["configuration"],
                      json::object()); // table properties are not the recipient's business
        QCOMPARE_JSON(m["size"], 1300);
        QCOMPARE_JSON(m["numFiles"], 2);
        QVERIFY(!m.contains("description")); // empty: omitted, as the reference server omits absent fields
        QVERIFY(!m.contains("version"));
        QCOMPARE_JSON(json::parse(metadataLine(snapshot, 3))["metaData"]["version"], 3);

        const std::string line = fileLine(file, {"https://h/f?exp=1&sig=x", "abc", kNow, 3, kNow - 5});
        QVERIFY(line.find('\n') == std::string::npos);
        const json f = json::parse(line)["file"];
        QCOMPARE_JSON(f["url"], "https://h/f?exp=1&sig=x");
        QCOMPARE_JSON(f["partitionValues"], json::object()); // always present
        QCOMPARE_JSON(f["size"], 1234);
        QVERIFY(f["stats"].is_string()); // a JSON string, not an object
        QCOMPARE_JSON(f["expirationTimestamp"], kNow);
        QCOMPARE_JSON(f["version"], 3);
        QCOMPARE_JSON(f["timestamp"], kNow - 5);
        QVERIFY(!json::parse(fileLine(file, {"u", "i", kNow, {}, {}}))["file"].contains("version"));

        QCOMPARE(fileId("acme", "accounts", file.path), fileId("acme", "accounts", file.path));
        QVERIFY(fileId("acme", "accounts", file.path) != fileId("globex", "accounts", file.path));
        QCOMPARE(fileId("acme", "accounts", file.path).size(), 64u);

        QCOMPARE(endStreamLine(std::nullopt, std::nullopt, std::nullopt),
                 std::string(R"({"endStreamAction":{}})"));
        QCOMPARE_JSON(json::parse(endStreamLine("p", std::nullopt, 5))["endStreamAction"],
                      json({{"nextPageToken", "p"}, {"minUrlExpirationTimestamp", 5}}));
        const json error = json::parse(errorBody("INVALID_PARAMETER_VALUE", "bad \xff byte"));
        QCOMPARE_JSON(error["errorCode"], "INVALID_PARAMETER_VALUE");
        QVERIFY(error["message"].get<std::string>().rfind("bad ", 0) ==
                0); // invalid UTF-8 replaced, not thrown
    }
};

QTEST_APPLESS_MAIN(ShareSigningTest)
#include "sharesigningtest.moc"
