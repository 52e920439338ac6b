// The text/event-stream parser: events across every chunk split point, the three line endings, comments,
// multi-line data, ids and retry, the byte-order mark, the size cap, and garbage that must not crash it.
#include "mcp/sseparser.h"

#include <QTest>
#include <string>
#include <vector>

using namespace lakeshore;
using namespace lakeshore::mcp;
using namespace std::string_literals;

namespace {

struct Parsed
{
    std::vector<SseEvent> events;
    std::optional<Error> error;
    std::string lastEventId;
    std::optional<long long> retryMs;
};

Parsed parseChunks(const std::vector<std::string> &chunks, std::size_t max = 1u << 20)
{
    SseParser parser(max);
    Parsed parsed;
    for (const auto &chunk : chunks) {
        auto fed = parser.feed(chunk, [&](SseEvent event) {
            parsed.events.push_back(std::move(event));
            return true;
        });
        if (!fed) {
            parsed.error = fed.error();
            break;
        }
    }
    parser.finish();
    parsed.lastEventId = parser.lastEventId();
    parsed.retryMs = parser.retryMs();
    return parsed;
}

Parsed parseWhole(const std::string &stream, std::size_t max = 1u << 20)
{
    return parseChunks({stream}, max);
}

QString describe(const std::vector<SseEvent> &events)
{
    QString text;
    for (const auto &event : events)
        text += QStringLiteral("[type=%1 id=%2 data=%3]")
                    .arg(QString::fromStdString(event.type), QString::fromStdString(event.id),
                         QString::fromStdString(event.data));
    return text;
}

// A stream with every feature at once: LF, CRLF and CR endings, comments, a priming event, multi-line
// data, an event type, ids, a retry, a field without a colon and an unknown field.
const std::string richStream = ": hello\r\n"
                               "id: p0\nretry: 1500\ndata:\n\n"
                               "event: message\r\nid: e1\r\ndata: {\"a\":1}\r\n\r\n"
                               "data: line one\rdata:line two\rdata:  indented\r\r"
                               "unknown: ignored\ndata\n\n"
                               ":keep-alive\n\n"
                               "event: custom\nid: e3\ndata: x\n\n";

std::vector<SseEvent> richEvents()
{
    return {{"", "", "p0"},
            {"message", "{\"a\":1}", "e1"},
            {"", "line one\nline two\n indented", "e1"},
            {"", "", "e1"},
            {"custom", "x", "e3"}};
}

bool sameEvents(const std::vector<SseEvent> &a, const std::vector<SseEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].type != b[i].type || a[i].data != b[i].data || a[i].id != b[i].id)
            return false;
    return true;
}

} // namespace

class SseParserTest : public QObject
{
    Q_OBJECT

private slots:
    void wholeStream()
    {
        const auto parsed = parseWhole(richStream);
        QVERIFY(!parsed.error);
        QVERIFY2(sameEvents(parsed.events, richEvents()), qPrintable(describe(parsed.events)));
        QCOMPARE(parsed.lastEventId, std::string("e3"));
        QCOMPARE(parsed.retryMs.value_or(-1), 1500LL);
    }

    // The same events however the bytes are cut: into two at every point, into three at every pair of
    // points, and byte by byte.
    void everySplitPoint()
    {
        for (std::size_t cut = 0; cut <= richStream.size(); ++cut) {
            const auto parsed = parseChunks({richStream.substr(0, cut), richStream.substr(cut)});
            QVERIFY2(sameEvents(parsed.events, richEvents()),
                     qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(describe(parsed.events))));
        }
        for (std::size_t first = 0; first <= richStream.size(); first += 3) {
            for (std::size_t second = first; second <= richStream.size(); ++second) {
                const auto parsed =
                    parseChunks({richStream.substr(0, first), richStream.substr(first, second - first),
                                 richStream.substr(second)});
                QVERIFY2(sameEvents(parsed.events, richEvents()),
                         qPrintable(QStringLiteral("cuts at %1, %2").arg(first).arg(second)));
            }
        }
        std::vector<std::string> bytes;
        for (char c : richStream)
            bytes.emplace_back(1, c);
        QVERIFY(sameEvents(parseChunks(bytes).events, richEvents()));
    }

    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("LF") << QByteArray("data: a\ndata: b\n\n");
        QTest::newRow("CRLF") << QByteArray("data: a\r\ndata: b\r\n\r\n");
        QTest::newRow("CR") << QByteArray("data: a\rdata: b\r\r");
        QTest::newRow("mixed") << QByteArray("data: a\r\ndata: b\n\r");
    }

    void lineEndings()
    {
        QFETCH(QByteArray, stream);
        const auto parsed = parseWhole(stream.toStdString());
        QCOMPARE(parsed.events.size(), std::size_t(1));
        QCOMPARE(parsed.events[0].data, std::string("a\nb"));
    }

    // "\r" at the end of one chunk and "\n" at the start of the next are one line ending, not two.
    void crlfSplitAcrossChunks()
    {
        const auto parsed = parseChunks({"data: a\r", "\ndata: b\r", "\n\r", "\n"});
        QCOMPARE(parsed.events.size(), std::size_t(1));
        QCOMPARE(parsed.events[0].data, std::string("a\nb"));
    }

    void commentsAreIgnored()
    {
        const auto parsed = parseWhole(": one\n:two\n\n: three\ndata: x\n: inside\n\n");
        QCOMPARE(parsed.events.size(), std::size_t(1));
        QCOMPARE(parsed.events[0].data, std::string("x"));
    }

    void fieldValueSpacing()
    {
        const auto parsed = parseWhole("data:x\n\ndata: x\n\ndata:  x\n\ndata\n\n");
        QCOMPARE(parsed.events.size(), std::size_t(4));
        QCOMPARE(parsed.events[0].data, std::string("x"));
        QCOMPARE(parsed.events[1].data, std::string("x"));
        QCOMPARE(parsed.events[2].data, std::string(" x"));
        QCOMPARE(parsed.events[3].data, std::string(""));
    }

    // An id or retry without data dispatches nothing but still counts (a priming block may look like this).
    void idsAndRetryPersist()
    {
        const auto parsed =
            parseWhole("id: 7\nretry: 250\n\ndata: a\n\nid\ndata: b\n\nid: bad\0id\ndata: c\n\n"s);
        QCOMPARE(parsed.events.size(), std::size_t(3));
        QCOMPARE(parsed.events[0].id, std::string("7"));
        QCOMPARE(parsed.events[1].id, std::string("")); // "id" with no value resets it
        QCOMPARE(parsed.events[2].id, std::string("")); // an id with NUL in it is ignored
        QCOMPARE(parsed.retryMs.value_or(-1), 250LL);
    }

    void badRetryIgnored_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("letters") << QByteArray("soon");
        QTest::newRow("negative") << QByteArray("-5");
        QTest::newRow("decimal") << QByteArray("1.5");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("huge") << QByteArray("99999999999999999999999");
        QTest::newRow("trailing junk") << QByteArray("100ms");
    }

    void badRetryIgnored()
    {
        QFETCH(QByteArray, value);
        const auto parsed = parseWhole("retry: 40\n\nretry: " + value.toStdString() + "\ndata: x\n\n");
        QCOMPARE(parsed.events.size(), std::size_t(1));
        QCOMPARE(parsed.retryMs.value_or(-1), 40LL);
    }

    void byteOrderMarkStripped()
    {
        const std::string bom = "\xEF\xBB\xBF";
        QCOMPARE(parseWhole(bom + "data: x\n\n").events.at(0).data, std::string("x"));
        QCOMPARE(parseChunks({"\xEF", "\xBB",
                              "\xBF"
                              "data: x\n\n"})
                     .events.at(0)
                     .data,
                 std::string("x"));
        // Only a leading one: later it is data.
        QCOMPARE(parseWhole("data: " + bom + "x\n\n").events.at(0).data, bom + "x");
    }

    // Nothing is dispatched for an event whose blank line never came, nor for a line without its end.
    void unfinishedEventDropped()
    {
        QCOMPARE(parseWhole("data: a\n\ndata: b\n").events.size(), std::size_t(1));
        QCOMPARE(parseWhole("data: a\n\ndata: b").events.size(), std::size_t(1));
        QCOMPARE(parseWhole("id: 5").lastEventId, std::string(""));
    }

    void listenerCanStop()
    {
        SseParser parser;
        int seen = 0;
        auto fed = parser.feed("data: 1\n\ndata: 2\n\ndata: 3\n\n", [&](SseEvent) { return ++seen < 2; });
        QVERIFY(fed.ok());
        QCOMPARE(seen, 2);
    }

    void eventAtTheCapAccepted()
    {
        const std::string data(1000, 'x');
        const auto parsed =
            parseWhole("data: " + data.substr(0, 500) + "\ndata: " + data.substr(0, 499) + "\n\n", 1000);
        QVERIFY(!parsed.error);
        QCOMPARE(parsed.events.at(0).data.size(), std::size_t(1000));
    }

    // Over the cap: the events before it still arrive, then TooLarge, and the parser stays stopped.
    void oversizeEvent()
    {
        SseParser parser(1000);
        std::vector<std::string> seen;
        auto collect = [&](SseEvent event) {
            seen.push_back(event.data);
            return true;
        };
        QVERIFY(parser.feed("data: small\n\n", collect).ok());
        auto fed = parser.feed("data: " + std::string(600, 'a') + "\ndata: " + std::string(600, 'b') + "\n\n",
                               collect);
        QVERIFY(!fed.ok());
        QCOMPARE(fed.error().kind, ErrorKind::TooLarge);
        QCOMPARE(seen.size(), std::size_t(1));
        auto after = parser.feed("data: more\n\n", collect);
        QVERIFY(!after.ok());
        QCOMPARE(seen.size(), std::size_t(1));
    }

    // A line that never ends (a peer streaming garbage without newlines) is cut off at the cap, across
    // chunks.
    void endlessLine()
    {
        SseParser parser(4096);
        Status fed = okStatus();
        int chunks = 0;
        while (fed.ok() && chunks < 100) {
            fed = parser.feed(std::string(1024, 'z'), [](SseEvent) { return true; });
            ++chunks;
        }
        QVERIFY(!fed.ok());
        QCOMPARE(fed.error().kind, ErrorKind::TooLarge);
        QVERIFY(chunks <= 6);
    }

    // Binary bytes, NULs, lone colons and unknown fields: no crash, and the well-formed event still parses.
    void garbage()
    {
        std::string noise;
        for (int i = 0; i < 256; ++i)
            noise.push_back(static_cast<char>(i));
        const std::string stream =
            noise + "\n\n:\n::\n: \nevent\nid:\nretry\nfoo:bar\n\0\n\ndata: ok\n\n"s + noise;
        const auto parsed = parseWhole(stream);
        QVERIFY(!parsed.error);
        QVERIFY(!parsed.events.empty());
        QCOMPARE(parsed.events.back().data, std::string("ok"));
        // And the same bytes at every split point give the same events.
        for (std::size_t cut = 0; cut <= stream.size(); cut += 7)
            QVERIFY(
                sameEvents(parseChunks({stream.substr(0, cut), stream.substr(cut)}).events, parsed.events));
    }
};

QTEST_GUILESS_MAIN(SseParserTest)
#include "tst_sseparser.moc"
