// Shared by the result decoder tests: building tools/call replies, and decoding them both ways (on the
// calling thread from a const view, and on a ResultDecoding worker that unescapes in place with tiny
// chunks) while checking that the two agree cell for cell.
#pragma once

#include "assistant/resultdecoder.h"

#include <nlohmann/json.hpp>
#include <QString>
#include <QTest>
#include <string>

namespace resultdecodertest {

using lakeshore::Result;
using lakeshore::assistant::DecodeOptions;
using lakeshore::assistant::ResultDecoding;
using lakeshore::assistant::ResultSet;
using Json = nlohmann::ordered_json;

inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// A CallToolResult whose only content block carries text.
inline std::string textReply(const std::string &text)
{
    return Json{{"content", Json::array({Json{{"type", "text"}, {"text", text}}})}}.dump();
}

// Our lakehouse server's shape: structuredContent plus the same JSON as text, content first.
inline std::string structuredReply(const Json &structured)
{
    return Json{{"content", Json::array({Json{{"type", "text"}, {"text", structured.dump()}}})},
                {"structuredContent", structured}}
        .dump();
}

// The error's message, or a note that there was none (safe to build whatever the outcome).
inline std::string errorOf(const Result<ResultSet> &result)
{
    return result.ok() ? std::string("(decoded without an error)") : result.error().message;
}

// Empty when the two results hold the same table (or the same error kind), else what differs.
inline std::string difference(const Result<ResultSet> &a, const Result<ResultSet> &b)
{
    if (a.ok() != b.ok())
        return "one decode failed: " + (a.ok() ? b.error().message : a.error().message);
    if (!a.ok())
        return a.error().kind == b.error().kind ? "" : "different error kinds";
    const ResultSet &x = a.value();
    const ResultSet &y = b.value();
    if (x.hasTable() != y.hasTable() || x.note() != y.note())
        return "table or note differs";
    if (x.rowCount() != y.rowCount() || x.columnCount() != y.columnCount())
        return "shape differs";
    for (std::size_t c = 0; c < x.columnCount(); ++c)
        if (x.columns()[c].name != y.columns()[c].name || x.columns()[c].type != y.columns()[c].type)
            return "column " + std::to_string(c) + " differs";
    for (std::size_t r = 0; r < x.rowCount(); ++r)
        for (std::size_t c = 0; c < x.columnCount(); ++c)
            if (x.kind(r, c) != y.kind(r, c) || x.text(r, c) != y.text(r, c))
                return "cell " + std::to_string(r) + "," + std::to_string(c) + " differs";
    return {};
}

// Decodes on the calling thread and on a worker (text handed over, tiny chunks); they must agree.
inline Result<ResultSet> decodeBoth(const std::string &reply)
{
    auto direct = lakeshore::assistant::decodeToolResult(reply);
    DecodeOptions tiny;
    tiny.firstRows = 2;
    tiny.chunkRows = 3;
    auto worker = ResultDecoding::start(reply, tiny);
    auto progressive = worker->wait();
    const std::string diff = difference(direct, progressive);
    if (!diff.empty())
        qWarning("synchronous and progressive decodes differ: %s", diff.c_str());
    return diff.empty() ? direct
                        : Result<ResultSet>(lakeshore::makeError(lakeshore::ErrorKind::Invalid, diff));
}

} // namespace resultdecodertest
