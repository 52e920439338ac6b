// The progressive decode (first rows at once, the rest in chunks on a worker, cancellable), and a
// property test: random results in every shape, with a fixed seed, decoded and compared cell by cell
// with nlohmann::json's parse of the same text (the independent peer).
#include "assistant/resultdecoder.h"
#include "resultdecodertest.h"

#include <charconv>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <mutex>
#include <QTest>
#include <random>

using namespace lakeshore;
using namespace lakeshore::assistant;
using namespace resultdecodertest;

namespace {

// A reply of our lakehouse server's shape with rows id, name, amount; row badRow (1-based), if any, is short.
std::string bigReply(std::size_t rows, std::size_t badRow = 0)
{
    std::string text = R"({"content":[],"structuredContent":{"columns":[{"name":"id","type":"integer"},)"
                       R"({"name":"name","type":"text"},{"name":"amount","type":"real"}],"rows":[)";
    for (std::size_t i = 0; i < rows; ++i) {
        if (i)
            text += ',';
        if (i + 1 == badRow)
            text += "[" + std::to_string(i) + "]";
        else
            text +=
                "[" + std::to_string(i) + ",\"name " + std::to_string(i) + "\"," + std::to_string(i) + ".5]";
    }
    return text + "]}}";
}

// Blocks the worker inside onProgress until released.
struct Gate
{
    std::mutex mutex;
    std::condition_variable changed;
    bool entered = false;
    bool open = false;

    void enterAndWait()
    {
        std::unique_lock lock(mutex);
        entered = true;
        changed.notify_all();
        changed.wait(lock, [&] { return open; });
    }
    bool waitEntered()
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(30), [&] { return entered; });
    }
    void release()
    {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
};

// --- the property test's generator -------------------------------------------------------------

class Generator
{
public:
    explicit Generator(std::uint32_t seed) : m_random(seed) {}

    std::uint64_t next() { return m_random(); }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(m_random() % n); }

    std::string text()
    {
        static const char *const pieces[] = {"a",
                                             "Z",
                                             "\"",
                                             "\\",
                                             "/",
                                             "\n",
                                             "\t",
                                             "\x01",
                                             " ",
                                             "\xC3\xA9",
                                             "\xE2\x82\xAC",
                                             "\xF0\x9F\x98\x80",
                                             "=",
                                             ",",
                                             "\xF4\x8F\xBF\xBF"};
        std::string out;
        const std::size_t length = below(10) == 0 ? 300 + below(2000) : below(20);
        for (std::size_t i = 0; i < length; ++i)
            out += pieces[below(std::size(pieces))];
        return out;
    }

    // A column name suffix: whole characters only, some needing escapes.
    std::string name()
    {
        static const char *const pieces[] = {"x", "_", " ", "\"", "\xC3\xA9", "\xF0\x9F\x98\x80", "\\"};
        std::string out;
        for (std::size_t i = below(4); i > 0; --i)
            out += pieces[below(std::size(pieces))];
        return out;
    }

    Json integer()
    {
        switch (below(4)) {
        case 0:
            return static_cast<std::int64_t>(below(2001)) - 1000;
        case 1:
            return static_cast<std::int64_t>(next());
        case 2:
            return below(2) ? std::numeric_limits<std::int64_t>::max()
                            : std::numeric_limits<std::int64_t>::min();
        default:
            return static_cast<std::int64_t>(next() % (1ull << 53)); // widens to double exactly
        }
    }

    Json real()
    {
        switch (below(3)) {
        case 0: {
            double d = 0;
            do {
                const std::uint64_t bits = next();
                std::memcpy(&d, &bits, sizeof d);
            } while (!std::isfinite(d));
            return d;
        }
        case 1:
            return static_cast<double>(static_cast<std::int64_t>(below(200001)) - 100000) / 100.0;
        default:
            return 4.9e-324 * static_cast<double>(below(1000) + 1); // subnormals
        }
    }

    Json value(int profile)
    {
        if (below(8) == 0)
            return nullptr;
        switch (profile) {
        case 0:
            return integer();
        case 1:
            return real();
        case 2:
            return below(2) ? integer() : real();
        case 3:
            return text();
        case 4:
            return below(2) == 1;
        case 5:
            return std::numeric_limits<std::uint64_t>::max() - below(1000); // beyond int64
        case 6:
            return Json{{"k", Json::array({below(100), text(), nullptr})}};
        default:
            return value(static_cast<int>(below(7)));
        }
    }

private:
    std::mt19937_64 m_random;
};

// Empty when the cell matches the peer's value, else a description.
std::string checkCell(const ResultSet &set, std::size_t row, std::size_t column, const Json &expected)
{
    const std::string at = " at " + std::to_string(row) + "," + std::to_string(column);
    switch (expected.type()) {
    case Json::value_t::null:
        return set.isNull(row, column) ? "" : "not null" + at;
    case Json::value_t::boolean:
        return set.boolean(row, column) == std::optional<bool>(expected.get<bool>()) ? "" : "boolean" + at;
    case Json::value_t::number_integer:
        if (set.kind(row, column) != CellKind::Integer ||
            set.integer(row, column) != std::optional<std::int64_t>(expected.get<std::int64_t>()))
            return "integer " + expected.dump() + " read as " + set.text(row, column) + at;
        return set.number(row, column) == std::optional<double>(expected.get<double>())
                   ? ""
                   : "integer as number" + at;
    case Json::value_t::number_unsigned:
        if (expected.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return set.integer(row, column) == std::optional<std::int64_t>(expected.get<std::int64_t>())
                       ? ""
                       : "unsigned" + at;
        if (set.kind(row, column) != CellKind::Integer || set.text(row, column) != expected.dump() ||
            set.integer(row, column) ||
            set.number(row, column) != std::optional<double>(expected.get<double>()))
            return "huge integer " + expected.dump() + " read as " + set.text(row, column) + at;
        return "";
    case Json::value_t::number_float:
        if (set.kind(row, column) != CellKind::Real ||
            set.number(row, column) != std::optional<double>(expected.get<double>()))
            return "real " + expected.dump() + " read as " + set.text(row, column) + at;
        return "";
    case Json::value_t::string:
        if (set.kind(row, column) != CellKind::Text || set.text(row, column) != expected.get<std::string>())
            return "text " + expected.dump() + " read as " + set.text(row, column) + at;
        return "";
    default:
        if (set.kind(row, column) != CellKind::Text || Json::parse(set.text(row, column)) != expected)
            return "nested " + expected.dump() + " read as " + set.text(row, column) + at;
        return "";
    }
}

} // namespace

class TestResultProgress : public QObject
{
    Q_OBJECT

private slots:
    void publishesFirstRowsThenChunks();
    void waitsForRows();
    void cancelStopsTheDecode();
    void destroyWhileRunning();
    void errorAfterRowsKeepsWhatWasPublished();
    void randomResultsMatchThePeer();
    void randomDatabricksResultsMatchThePeer();
};

void TestResultProgress::publishesFirstRowsThenChunks()
{
    DecodeOptions options;
    options.firstRows = 10;
    options.chunkRows = 100;
    std::mutex mutex;
    std::vector<ResultSet> seen;
    std::shared_ptr<ResultDecoding> decoding;
    std::atomic<ResultDecoding *> self{nullptr};
    decoding = ResultDecoding::start(bigReply(1000), options, [&] {
        while (!self.load()) // start() has not returned yet
            std::this_thread::yield();
        std::lock_guard lock(mutex);
        seen.push_back(self.load()->snapshot());
    });
    self = decoding.get();
    const auto result = decoding->wait();
    QVERIFY(result.ok());
    decoding.reset(); // joins: no callback runs after this
    const ResultSet &all = result.value();
    QCOMPARE(all.rowCount(), std::size_t(1000));
    QVERIFY(all.complete());
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.front().rowCount(), std::size_t(10));
    QVERIFY(!seen.front().complete());
    QCOMPARE(seen.front().columns()[1].name, std::string("name"));
    std::size_t previous = 0;
    for (const ResultSet &snapshot : seen) {
        QVERIFY(snapshot.rowCount() >= previous);
        QVERIFY(snapshot.rowCount() == 1000 || (snapshot.rowCount() - 10) % 100 == 0);
        previous = snapshot.rowCount();
        // Each snapshot is a prefix of the final result.
        for (std::size_t row = 0; row < snapshot.rowCount(); row += 7)
            for (std::size_t column = 0; column < 3; ++column)
                QCOMPARE(snapshot.text(row, column), all.text(row, column));
    }
    QCOMPARE(seen.back().rowCount(), std::size_t(1000));
    QVERIFY(seen.back().complete());
}

void TestResultProgress::waitsForRows()
{
    DecodeOptions options;
    options.firstRows = 5;
    auto decoding = ResultDecoding::start(bigReply(300), options);
    QVERIFY(decoding->waitForRows(5));
    QVERIFY(decoding->readyRows() >= 5);
    QVERIFY(!decoding->waitForRows(301)); // more than there are: returns once finished
    QVERIFY(decoding->finished());
    QVERIFY(decoding->status().ok());
    QCOMPARE(decoding->readyRows(), std::size_t(300));
}

void TestResultProgress::cancelStopsTheDecode()
{
    DecodeOptions options;
    options.firstRows = 10;
    options.chunkRows = 100000;
    Gate gate;
    std::atomic<int> calls{0};
    auto decoding = ResultDecoding::start(bigReply(300000), options, [&] {
        if (calls++ == 0)
            gate.enterAndWait(); // hold the worker right after the first rows were published
    });
    QVERIFY(gate.waitEntered());
    QCOMPARE(decoding->readyRows(), std::size_t(10));
    decoding->cancel();
    gate.release();
    const auto result = decoding->wait();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QCOMPARE(decoding->status().error().kind, ErrorKind::Cancelled);
    QVERIFY(decoding->snapshot().rowCount() < 300000); // it stopped early
    QCOMPARE(decoding->snapshot().text(9, 1), std::string("name 9"));
}

void TestResultProgress::destroyWhileRunning()
{
    const std::string reply = bigReply(200000);
    for (int i = 0; i < 5; ++i) {
        auto decoding = ResultDecoding::start(reply);
        decoding.reset(); // cancels and joins
    }
    auto decoding = ResultDecoding::start(reply);
    QVERIFY(decoding->waitForRows(1));
    decoding.reset();
}

void TestResultProgress::errorAfterRowsKeepsWhatWasPublished()
{
    DecodeOptions options;
    options.firstRows = 10;
    options.chunkRows = 50;
    auto decoding = ResultDecoding::start(bigReply(1000, 500), options);
    const auto result = decoding->wait();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Malformed);
    QVERIFY2(result.error().message.find("row 500 has 1 cells, expected 3") != std::string::npos,
             result.error().message.c_str());
    QCOMPARE(decoding->status().error().kind, ErrorKind::Malformed);
    const ResultSet kept = decoding->snapshot();
    QCOMPARE(kept.rowCount(), std::size_t(460)); // the chunks closed before row 500
    QVERIFY(!kept.complete());
}

void TestResultProgress::randomResultsMatchThePeer()
{
    Generator random(20261121);
    int checkedCells = 0;
    for (int round = 0; round < 120; ++round) {
        const std::size_t columns = 1 + random.below(6);
        const std::size_t rows = random.below(40);
        std::vector<int> profiles;
        Json columnList = Json::array();
        for (std::size_t c = 0; c < columns; ++c) {
            profiles.push_back(static_cast<int>(random.below(8)));
            columnList.push_back(Json{{"name", "c" + std::to_string(c) + random.name()}, {"type", "any"}});
        }
        const int shape = static_cast<int>(random.below(4));
        std::string reply;
        Json positional = Json::array();
        Json objects = Json::array();
        for (std::size_t r = 0; r < rows; ++r) {
            Json row = Json::array();
            Json object = Json::object();
            for (std::size_t c = 0; c < columns; ++c) {
                Json value = random.value(profiles[c]);
                row.push_back(value);
                if (!value.is_null() || random.below(2)) // sometimes a null, sometimes the key left out
                    object[columnList[c]["name"].get<std::string>()] = value;
            }
            positional.push_back(row);
            objects.push_back(object);
        }
        const int indent = random.below(2) ? -1 : 1;
        const Json table =
            Json{{"columns", columnList}, {"rows", positional}, {"rowCount", rows}, {"truncated", false}};
        switch (shape) {
        case 0: // our lakehouse server
            reply = structuredReply(table);
            break;
        case 1: // the same JSON in text only
            reply = textReply(table.dump(indent));
            break;
        case 2: // row objects (server-postgres, mcp-sqlite)
            reply = textReply(objects.dump(indent));
            break;
        default: // dbhub 1.4
            reply = textReply(Json{
                {"success", true},
                {"data", Json{{"statements",
                               Json::array({Json{{"sql", "select"}, {"rows", objects}, {"count", rows}}})},
                              {"source_id", "crm"}}}}
                                  .dump(2));
            break;
        }
        const auto result = decodeBoth(reply);
        QVERIFY2(result.ok(), (std::to_string(round) + ": " + errorOf(result)).c_str());
        const ResultSet &set = result.value();

        // The peer's reading of the very same text.
        const Json peer = Json::parse(reply);
        const Json &content = shape == 0 ? peer["structuredContent"]
                                         : Json::parse(peer["content"][0]["text"].get<std::string>());
        QCOMPARE(set.rowCount(), rows);
        if (shape <= 1) {
            QCOMPARE(set.columnCount(), columns);
            for (std::size_t c = 0; c < columns; ++c)
                QCOMPARE(set.columns()[c].name, content["columns"][c]["name"].get<std::string>());
            for (std::size_t r = 0; r < rows; ++r)
                for (std::size_t c = 0; c < columns; ++c, ++checkedCells) {
                    const std::string problem = checkCell(set, r, c, content["rows"][r][c]);
                    QVERIFY2(problem.empty(), (std::to_string(round) + ": " + problem).c_str());
                }
        } else {
            const Json &peerRows = shape == 2 ? content : content["data"]["statements"][0]["rows"];
            std::map<std::string, std::size_t> byName;
            for (std::size_t c = 0; c < set.columnCount(); ++c)
                byName.emplace(set.columns()[c].name, c);
            for (std::size_t r = 0; r < rows; ++r) {
                std::size_t present = 0;
                for (const auto &[key, value] : peerRows[r].items()) {
                    QVERIFY2(byName.count(key), ("missing column " + key).c_str());
                    const std::string problem = checkCell(set, r, byName[key], value);
                    QVERIFY2(problem.empty(), (std::to_string(round) + ": " + problem).c_str());
                    ++present;
                    ++checkedCells;
                }
                std::size_t nonNull = 0;
                for (std::size_t c = 0; c < set.columnCount(); ++c)
                    nonNull += !set.isNull(r, c);
                std::size_t peerNonNull = 0;
                for (const auto &item : peerRows[r].items())
                    peerNonNull += !item.value().is_null();
                QCOMPARE(nonNull, peerNonNull); // a key left out reads as null, nothing else appears
                Q_UNUSED(present);
            }
        }
    }
    QVERIFY(checkedCells > 3000);
}

void TestResultProgress::randomDatabricksResultsMatchThePeer()
{
    // Statement execution: every value a string, typed by the manifest.
    Generator random(777);
    const char *types[] = {"STRING", "INT", "BIGINT", "DOUBLE", "BOOLEAN"};
    for (int round = 0; round < 40; ++round) {
        const std::size_t columns = 1 + random.below(5);
        const std::size_t rows = random.below(30);
        Json schema = Json::array();
        std::vector<int> kinds;
        for (std::size_t c = 0; c < columns; ++c) {
            kinds.push_back(static_cast<int>(random.below(std::size(types))));
            schema.push_back(Json{{"name", "col" + std::to_string(c)}, {"type_name", types[kinds.back()]}});
        }
        Json data = Json::array();
        for (std::size_t r = 0; r < rows; ++r) {
            Json row = Json::array();
            for (std::size_t c = 0; c < columns; ++c) {
                if (random.below(10) == 0) {
                    row.push_back(nullptr);
                    continue;
                }
                switch (kinds[c]) {
                case 0:
                    row.push_back(random.text());
                    break;
                case 1:
                case 2:
                    row.push_back(random.integer().dump());
                    break;
                case 3:
                    row.push_back(random.real().dump());
                    break;
                default:
                    row.push_back(random.below(2) ? "true" : "false");
                    break;
                }
            }
            data.push_back(row);
        }
        const std::string reply =
            Json{{"structuredContent",
                  Json{{"statement_response", Json{{"status", Json{{"state", "SUCCEEDED"}}},
                                                   {"manifest", Json{{"schema", Json{{"columns", schema}}}}},
                                                   {"result", Json{{"data_array", data}}}}}}}}
                .dump();
        const auto result = decodeBoth(reply);
        QVERIFY2(result.ok(), errorOf(result).c_str());
        const ResultSet &set = result.value();
        const Json peer =
            Json::parse(reply)["structuredContent"]["statement_response"]["result"]["data_array"];
        QCOMPARE(set.rowCount(), rows);
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < columns; ++c) {
                const Json &cell = peer[r][c];
                if (cell.is_null()) {
                    QVERIFY(set.isNull(r, c));
                    continue;
                }
                const std::string text = cell.get<std::string>();
                Json typed = text; // what the manifest's type makes of the string
                if (kinds[c] == 1 || kinds[c] == 2) {
                    std::int64_t v = 0;
                    std::from_chars(text.data(), text.data() + text.size(), v);
                    typed = v;
                } else if (kinds[c] == 3) {
                    typed = Json::parse(text).get<double>();
                } else if (kinds[c] == 4) {
                    typed = text == "true";
                }
                const std::string problem = checkCell(set, r, c, typed);
                QVERIFY2(problem.empty(), problem.c_str());
            }
    }
}

QTEST_APPLESS_MAIN(TestResultProgress)
#include "tst_resultprogress.moc"
