// The strict JSON scanner under the result decoder: grammar, strings (escapes, surrogate pairs, UTF-8),
// numbers kept exactly, the nesting limit, exact error offsets, every truncation of a document, and the
// in-place unescaping (checked against nlohmann::json, the independent peer).
#include "assistant/jsonscan.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <QTest>
#include <random>
#include <string>

using namespace lakeshore::assistant;

namespace {

// The error of scanning one whole value and requiring nothing after it; empty message when valid.
JsonError scanAll(std::string_view text, std::size_t maxDepth = kDefaultJsonMaxDepth)
{
    JsonScanner scanner(text, maxDepth);
    if (scanner.skipValue() && scanner.finish())
        return {};
    return scanner.error();
}

std::string readOneString(std::string_view text, bool *ok = nullptr)
{
    JsonScanner scanner(text);
    std::string out;
    const bool read = scanner.readString(out) && scanner.finish();
    if (ok)
        *ok = read;
    return out;
}

std::string view(const QByteArray &text)
{
    return {text.constData(), static_cast<std::size_t>(text.size())};
}

} // namespace

class TestJsonScan : public QObject
{
    Q_OBJECT

private slots:
    void acceptsValidDocuments_data();
    void acceptsValidDocuments();
    void rejectsWithExactOffset_data();
    void rejectsWithExactOffset();
    void decodesEscapesAndSurrogatePairs();
    void keepsNumbersExactly();
    void enforcesTheDepthLimit();
    void everyTruncationFails();
    void walksObjectsAndArrays();
    void inPlaceUnescapingMatchesThePeer();
    void randomStringsMatchThePeer();
    void errorNamesTheOffset();
    void compactsNestedValues();
};

void TestJsonScan::acceptsValidDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("empty array") << QByteArray(" [ ] ");
    QTest::newRow("scalars") << QByteArray(R"([0,-0,1.5,-2e10,1E+2,3e-7,true,false,null,"x"])");
    QTest::newRow("nested") << QByteArray(R"({"a":{"b":[1,{"c":[]}]},"d":"\u00e9\ud83d\ude00"})");
    QTest::newRow("whitespace everywhere") << QByteArray(" {\n\t\"a\" :\r\n [ 1 , 2 ] } \n");
    QTest::newRow("utf8 raw") << QByteArray("\"Gr\xC3\xBC\xC3\x9F \xE2\x82\xAC \xF0\x9F\x98\x80\"");
    QTest::newRow("all simple escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")");
    QTest::newRow("nul escape") << QByteArray(R"("a\u0000b")");
    QTest::newRow("duplicate keys are syntax-valid") << QByteArray(R"({"a":1,"a":2})");
    QTest::newRow("long string") << QByteArray("\"" + QByteArray(100000, 'x') + "\"");
}

void TestJsonScan::acceptsValidDocuments()
{
    QFETCH(QByteArray, json);
    const JsonError error = scanAll(view(json));
    QVERIFY2(error.message.empty(), error.message.c_str());
    // The peer agrees it is JSON.
    QVERIFY(nlohmann::json::accept(view(json)));
}

void TestJsonScan::rejectsWithExactOffset_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("words"); // part of the message
    QTest::newRow("empty") << QByteArray("") << 0 << "end of input";
    QTest::newRow("only spaces") << QByteArray("   ") << 3 << "end of input";
    QTest::newRow("bare word") << QByteArray("hello") << 0 << "unexpected 'h'";
    QTest::newRow("NaN token") << QByteArray("[NaN]") << 1 << "unexpected 'N'";
    QTest::newRow("Infinity token") << QByteArray("[1,Infinity]") << 3 << "unexpected 'I'";
    QTest::newRow("trailing comma in array") << QByteArray("[1,2,]") << 5 << "unexpected ']'";
    QTest::newRow("trailing comma in object") << QByteArray(R"({"a":1,})") << 7 << "expected a string key";
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << 5 << "expected ':'";
    QTest::newRow("missing comma") << QByteArray("[1 2]") << 3 << "expected ',' or ']'";
    QTest::newRow("single quotes") << QByteArray("['a']") << 1 << "unexpected";
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << 1 << "expected a string key";
    QTest::newRow("trailing data") << QByteArray("{} {}") << 3 << "after the JSON value";
    QTest::newRow("leading zero") << QByteArray("[01]") << 2 << "leading zero";
    QTest::newRow("bare minus") << QByteArray("[-]") << 2 << "expected a digit";
    QTest::newRow("dot without digits") << QByteArray("[1.]") << 3 << "after '.'";
    QTest::newRow("leading dot") << QByteArray("[.5]") << 1 << "unexpected '.'";
    QTest::newRow("plus sign") << QByteArray("[+1]") << 1 << "unexpected '+'";
    QTest::newRow("empty exponent") << QByteArray("[1e]") << 3 << "exponent";
    QTest::newRow("invalid escape") << QByteArray(R"(["ab\x"])") << 4 << "invalid escape";
    QTest::newRow("escaped single quote") << QByteArray(R"(["\'"])") << 2 << "invalid escape";
    QTest::newRow("bad hex") << QByteArray(R"(["\u12G4"])") << 6 << "hex digit";
    QTest::newRow("lone low surrogate") << QByteArray(R"(["x\udc00"])") << 3 << "lone low surrogate";
    QTest::newRow("lone high surrogate") << QByteArray(R"(["\ud800x"])") << 2 << "not followed by a low";
    QTest::newRow("high then high") << QByteArray(R"(["\ud800\ud800"])") << 2 << "not followed by a low";
    QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << 3 << "control character";
    QTest::newRow("raw tab in string") << QByteArray("\"a\tb\"") << 2 << "control character";
    QTest::newRow("overlong utf8") << QByteArray("\"\xC0\x80\"") << 1 << "invalid UTF-8";
    QTest::newRow("continuation byte alone") << QByteArray("\"a\x80\"") << 2 << "invalid UTF-8";
    QTest::newRow("utf8 surrogate") << QByteArray("\"\xED\xA0\x80\"") << 1 << "invalid UTF-8";
    QTest::newRow("beyond U+10FFFF") << QByteArray("\"\xF4\x90\x80\x80\"") << 1 << "invalid UTF-8";
    QTest::newRow("0xFF byte") << QByteArray("\"ab\xFF\"") << 3 << "invalid UTF-8";
    QTest::newRow("truncated sequence") << QByteArray("\"\xE2\x82\"") << 1 << "invalid UTF-8";
    QTest::newRow("utf8 outside a string") << QByteArray("[\xC3\xA9]") << 1 << "unexpected";
    QTest::newRow("unterminated string") << QByteArray("[\"abc") << 5 << "end of input in a string";
    QTest::newRow("unterminated array") << QByteArray("[1,2") << 4 << "end of input";
    QTest::newRow("truncated literal") << QByteArray("[tru") << 4 << "end of input";
    QTest::newRow("wrong literal") << QByteArray("[trux]") << 1 << "invalid literal";
    QTest::newRow("mismatched bracket") << QByteArray("[1}") << 2 << "expected ',' or ']'";
    // Past the SIMD block boundary: the bad byte sits at offset 40 of a long string.
    QTest::newRow("control char deep in a long string")
        << QByteArray("\"" + QByteArray(39, 'a') + "\x01" + QByteArray(30, 'b') + "\"") << 40 << "control";
    QTest::newRow("invalid escape at a block edge")
        << QByteArray("\"" + QByteArray(14, 'a') + "\\q" + QByteArray(30, 'b') + "\"") << 15
        << "invalid escape";
}

void TestJsonScan::rejectsWithExactOffset()
{
    QFETCH(QByteArray, json);
    QFETCH(int, offset);
    QFETCH(QString, words);
    const JsonError error = scanAll(view(json));
    QVERIFY2(!error.message.empty(), "accepted invalid JSON");
    QVERIFY2(QString::fromStdString(error.message).contains(words), error.message.c_str());
    QCOMPARE(error.offset, static_cast<std::size_t>(offset));
    QVERIFY(!nlohmann::json::accept(view(json))); // the peer refuses it too
}

void TestJsonScan::decodesEscapesAndSurrogatePairs()
{
    QCOMPARE(readOneString(R"("\"\\\/\b\f\n\r\t")"), std::string("\"\\/\b\f\n\r\t"));
    QCOMPARE(readOneString(R"("\u0041\u00e9\u20AC")"), std::string("A\xC3\xA9\xE2\x82\xAC"));
    QCOMPARE(readOneString(R"("\ud83d\ude00!")"), std::string("\xF0\x9F\x98\x80!"));
    QCOMPARE(readOneString(R"("\uDBFF\uDFFF")"), std::string("\xF4\x8F\xBF\xBF")); // U+10FFFF
    const std::string nul = readOneString(R"("a\u0000b")");
    QCOMPARE(nul.size(), std::size_t(3));
    QCOMPARE(nul[1], '\0');
    // An escape straddling the 16-byte block boundary, and one at the very end.
    const std::string edge = "\"" + std::string(15, 'a') + "\\n" + std::string(20, 'b') + "\\\"\"";
    QCOMPARE(readOneString(edge), std::string(15, 'a') + "\n" + std::string(20, 'b') + "\"");
}

void TestJsonScan::keepsNumbersExactly()
{
    auto number = [](std::string_view text) {
        JsonNumber n;
        JsonScanner scanner(text);
        const bool ok = scanner.readNumber(n) && scanner.finish();
        return std::make_pair(ok, n);
    };
    auto [ok, n] = number("9223372036854775807");
    QVERIFY(ok);
    QCOMPARE(n.kind, JsonNumber::Kind::Integer);
    QCOMPARE(n.integer, std::numeric_limits<std::int64_t>::max());
    std::tie(ok, n) = number("-9223372036854775808");
    QCOMPARE(n.kind, JsonNumber::Kind::Integer);
    QCOMPARE(n.integer, std::numeric_limits<std::int64_t>::min());
    std::tie(ok, n) = number("9223372036854775808");
    QCOMPARE(n.kind, JsonNumber::Kind::BigInteger);
    QCOMPARE(n.literal, std::string_view("9223372036854775808"));
    QCOMPARE(n.real, 9223372036854775808.0);
    std::tie(ok, n) = number("123456789012345678901234567890");
    QCOMPARE(n.kind, JsonNumber::Kind::BigInteger);
    QCOMPARE(n.real, 1.2345678901234568e29);
    std::tie(ok, n) = number("0.1");
    QCOMPARE(n.kind, JsonNumber::Kind::Real);
    QCOMPARE(n.real, 0.1);
    std::tie(ok, n) = number("1e400");
    QCOMPARE(n.kind, JsonNumber::Kind::OutOfRange);
    QCOMPARE(n.real, std::numeric_limits<double>::infinity());
    std::tie(ok, n) = number("-1e400");
    QCOMPARE(n.real, -std::numeric_limits<double>::infinity());
    std::tie(ok, n) = number("1e-400");
    QCOMPARE(n.kind, JsonNumber::Kind::OutOfRange);
    QCOMPARE(n.real, 0.0);
    std::tie(ok, n) = number("0.000000000000000000000000000001e-380");
    QCOMPARE(n.real, 0.0);
    std::tie(ok, n) = number("12345678901234567890e300");
    QCOMPARE(n.real, std::numeric_limits<double>::infinity());
    std::tie(ok, n) = number("4.9e-324"); // the smallest subnormal is in range
    QCOMPARE(n.kind, JsonNumber::Kind::Real);
    QCOMPARE(n.real, 4.9e-324);
    std::tie(ok, n) = number("-0");
    QCOMPARE(n.kind, JsonNumber::Kind::Integer);
    QCOMPARE(n.integer, std::int64_t(0));

    JsonNumber parsed;
    QVERIFY(parseJsonNumber("-12.5e3", parsed));
    QCOMPARE(parsed.real, -12500.0);
    QVERIFY(!parseJsonNumber(" 1", parsed));
    QVERIFY(!parseJsonNumber("1 ", parsed));
    QVERIFY(!parseJsonNumber("NaN", parsed));
    QVERIFY(!parseJsonNumber("", parsed));
    QVERIFY(!parseJsonNumber("0x10", parsed));
}

void TestJsonScan::enforcesTheDepthLimit()
{
    const std::string ok = std::string(128, '[') + std::string(128, ']');
    QVERIFY(scanAll(ok).message.empty());
    const std::string deep = std::string(129, '[') + std::string(129, ']');
    const JsonError error = scanAll(deep);
    QVERIFY2(error.message.find("nesting deeper than 128") != std::string::npos, error.message.c_str());
    QCOMPARE(error.offset, std::size_t(128));
    // Far deeper than any stack would take when recursing: a clear error, no crash.
    const std::string hostile = std::string(1000000, '[');
    QCOMPARE(scanAll(hostile).offset, std::size_t(128));
    std::string objects;
    for (int i = 0; i < 200000; ++i)
        objects += R"({"a":)";
    QVERIFY(scanAll(objects).message.find("nesting") != std::string::npos);
    QVERIFY(scanAll(std::string(10, '['), 8).message.find("deeper than 8") != std::string::npos);
}

void TestJsonScan::everyTruncationFails()
{
    const std::string document =
        R"({"columns":[{"name":"n\u00e9","type":"text"}],"rows":[["a\"b",-1.5e3,true,null,{"x":[1,2]}],)"
        "[\"\xF0\x9F\x98\x80\",9223372036854775808,false,null,[]]],\"truncated\":false}";
    QVERIFY(scanAll(document).message.empty());
    for (std::size_t cut = 0; cut < document.size(); ++cut) {
        const std::string prefix = document.substr(0, cut);
        const JsonError error = scanAll(prefix);
        QVERIFY2(!error.message.empty(),
                 ("a prefix of " + std::to_string(cut) + " bytes was accepted").c_str());
        QVERIFY(error.offset <= cut);
    }
}

void TestJsonScan::walksObjectsAndArrays()
{
    const std::string text = R"({"a\u0062":[1,"two",{"k":null}],"c":false})";
    JsonScanner scanner(text);
    QVERIFY(scanner.beginObject());
    std::string_view key;
    QVERIFY(scanner.nextKey(key));
    QCOMPARE(key, std::string_view("ab")); // an escaped key is decoded
    QVERIFY(scanner.beginArray());
    QVERIFY(scanner.nextElement());
    JsonNumber n;
    QVERIFY(scanner.readNumber(n));
    QCOMPARE(n.integer, std::int64_t(1));
    QVERIFY(scanner.nextElement());
    std::string s;
    QVERIFY(scanner.readString(s));
    QCOMPARE(s, std::string("two"));
    QVERIFY(scanner.nextElement());
    std::string_view raw;
    QVERIFY(scanner.rawValue(raw));
    QCOMPARE(raw, std::string_view(R"({"k":null})"));
    QVERIFY(!scanner.nextElement());
    QVERIFY(!scanner.failed());
    QVERIFY(scanner.nextKey(key));
    QCOMPARE(key, std::string_view("c"));
    bool b = true;
    QVERIFY(scanner.readBool(b));
    QVERIFY(!b);
    QVERIFY(!scanner.nextKey(key));
    QVERIFY(!scanner.failed());
    QVERIFY(scanner.finish());
    QCOMPARE(scanner.depth(), std::size_t(0));

    // Asking for the wrong kind is an error at that place, not a crash.
    JsonScanner wrong(R"({"a":1})");
    QVERIFY(wrong.beginObject());
    QVERIFY(wrong.nextKey(key));
    QVERIFY(!wrong.readString(s));
    QCOMPARE(wrong.error().offset, std::size_t(5));
    QVERIFY(!wrong.nextKey(key)); // sticky
}

void TestJsonScan::inPlaceUnescapingMatchesThePeer()
{
    const std::string bodies[] = {
        "plain",
        R"(a\"b\\c\/d\be\ff\ng\rh\ti)",
        R"(\u00e9\u4e2d\ud83d\ude00\u0000end)",
        std::string(40, '\\') + std::string(40, '\\'), // 40 escaped backslashes
        "caf\xC3\xA9 " + std::string(33, 'x') + "\\\"" + std::string(17, 'y') + "\\n",
    };
    for (const std::string &body : bodies) {
        const std::string token = "\"" + body + "\"";
        const std::string expected = nlohmann::json::parse(token).get<std::string>();
        std::string copy = token;
        JsonScanner scanner(copy);
        std::string_view out;
        QVERIFY(scanner.unescapeStringInPlace(copy.data(), out));
        QCOMPARE(std::string(out), expected);
        QCOMPARE(readOneString(token), expected);
        std::string again = body;
        again.resize(static_cast<std::size_t>(unescapeJsonInPlace(again.data(), again.data() + again.size()) -
                                              again.data()));
        QCOMPARE(again, expected);
    }
    // Invalid input is refused by the in-place path too, at the same offset as by the plain one.
    std::string bad = "\"" + std::string(20, 'a') + "\\x\"";
    JsonScanner scanner(bad);
    std::string_view out;
    QVERIFY(!scanner.unescapeStringInPlace(bad.data(), out));
    QCOMPARE(scanner.error().offset, std::size_t(21));
}

void TestJsonScan::randomStringsMatchThePeer()
{
    // Fixed seed: strings of ASCII, escapes, multi-byte UTF-8 and astral characters, serialized by the
    // peer (escaped either way), must decode to exactly what the peer decodes.
    std::mt19937 random(4242);
    const char32_t pool[] = {U'a',      U'Z',      U'\x22',       U'\\',         U'/',
                             U'\n',     U'\t',     U'\x01',       U'\x7f',       U'\u00e9',
                             U'\u20ac', U'\uFFFD', U'\U0001F600', U'\U0010FFFF', U' '};
    for (int round = 0; round < 500; ++round) {
        std::string utf8;
        const int length = static_cast<int>(random() % 80);
        for (int i = 0; i < length; ++i) {
            const char32_t c = pool[random() % std::size(pool)];
            if (c < 0x80) {
                utf8 += static_cast<char>(c);
            } else if (c < 0x800) {
                utf8 += static_cast<char>(0xC0 | (c >> 6));
                utf8 += static_cast<char>(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                utf8 += static_cast<char>(0xE0 | (c >> 12));
                utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                utf8 += static_cast<char>(0x80 | (c & 0x3F));
            } else {
                utf8 += static_cast<char>(0xF0 | (c >> 18));
                utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
                utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                utf8 += static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        for (const bool ascii : {false, true}) {
            const std::string token = nlohmann::json(utf8).dump(-1, ' ', ascii);
            bool ok = false;
            QCOMPARE(readOneString(token, &ok), utf8);
            QVERIFY(ok);
            std::string copy = token;
            JsonScanner scanner(copy);
            std::string_view out;
            QVERIFY(scanner.unescapeStringInPlace(copy.data(), out));
            QCOMPARE(std::string(out), utf8);
        }
    }
}

void TestJsonScan::errorNamesTheOffset()
{
    const lakeshore::Error error = jsonError({1234, "unexpected 'x'"}, "in text block 1");
    QCOMPARE(error.kind, lakeshore::ErrorKind::Malformed);
    QCOMPARE(QString::fromStdString(error.message),
             QStringLiteral("invalid JSON in text block 1 at byte 1234: unexpected 'x'"));
}

void TestJsonScan::compactsNestedValues()
{
    const std::string pretty = "{\n  \"a b\" : [ 1 ,\t2 ],\r\n  \"s\": \"x \\\" y\\\\\" }";
    QVERIFY(scanAll(pretty).message.empty());
    std::string compact;
    appendCompactJson(pretty, compact);
    QCOMPARE(compact, std::string("{\"a b\":[1,2],\"s\":\"x \\\" y\\\\\"}"));
    QVERIFY(nlohmann::json::parse(compact) == nlohmann::json::parse(pretty));
}

QTEST_APPLESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
