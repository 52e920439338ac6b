// Signed file links: GET and HEAD of one data file of one table, with single byte ranges, for the
// recipient the link was made for, while they still have access to a share holding the table.
#include "sharing/server/servercontext.h"
#include "sharing/snapshot/tablelayout.h"

#include <charconv>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lakeshore::sharing::server {
namespace {

constexpr std::size_t kReadPiece = 256 * 1024;

struct OpenFile
{
    int fd = -1;
    ~OpenFile()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// A data file's name as the snapshotter writes them: no path, no hidden or log entries.
bool dataFileName(const std::string &name)
{
    return !name.empty() && name.front() != '.' && name.front() != '_' &&
           name.find('/') == std::string::npos && name.size() > 8 &&
           name.compare(name.size() - 8, 8, ".parquet") == 0;
}

bool tableShared(const std::vector<store::Share> &shares, const std::string &entity)
{
    for (const auto &share : shares)
        for (const auto &table : share.tables)
            if (table.entity == entity)
                return true;
    return false;
}

struct ByteRange
{
    std::uint64_t first = 0;
    std::uint64_t length = 0;
};

enum class RangeAsk { Whole, Part, Unsatisfiable };

// "bytes=a-b", "bytes=a-", "bytes=-n". Several ranges, or anything else, is answered with the whole file.
RangeAsk parseRange(const std::string &header, std::uint64_t size, ByteRange &range)
{
    if (header.rfind("bytes=", 0) != 0 || header.find(',') != std::string::npos)
        return RangeAsk::Whole;
    const std::string spec = header.substr(6);
    const std::size_t dash = spec.find('-');
    if (dash == std::string::npos)
        return RangeAsk::Whole;
    auto number = [](const std::string &text, std::uint64_t &out) {
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
        return !text.empty() && error == std::errc() && end == text.data() + text.size();
    };
    std::uint64_t first = 0, last = 0;
    const std::string left = spec.substr(0, dash), right = spec.substr(dash + 1);
    if (left.empty()) {
        if (!number(right, last))
            return RangeAsk::Whole;
        if (last == 0 || size == 0)
            return RangeAsk::Unsatisfiable;
        range.length = std::min(last, size);
        range.first = size - range.length;
        return RangeAsk::Part;
    }
    if (!number(left, first))
        return RangeAsk::Whole;
    if (right.empty())
        last = size == 0 ? 0 : size - 1;
    else if (!number(right, last) || last < first)
        return RangeAsk::Whole;
    if (first >= size)
        return RangeAsk::Unsatisfiable;
    last = std::min(last, size - 1);
    range.first = first;
    range.length = last - first + 1;
    return RangeAsk::Part;
}

} // namespace

void serveFile(ServerContext &context, Call &call, http::ServerResponse &response)
{
    const SharingRoute &route = call.route;
    Admission admission =
        context.access->admitRecipient(route.recipient, route.tenant, call.request.remoteAddress, call.now);
    if (!admission.recipient)
        return answerError(response, admission.refusal.status, admission.refusal.code,
                           admission.refusal.message);
    call.audit.recipientId = admission.recipient->recipient.id;
    call.audit.recipientName = admission.recipient->recipient.name;

    const FileReference reference{route.tenant, route.table, route.file, route.recipient};
    if (call.request.params.count("exp") != 1 || call.request.params.count("sig") != 1)
        return answerError(response, 403, "PERMISSION_DENIED",
                           "This file link cannot be used: it needs exactly one exp and one sig.");
    if (Status valid = verifyFileQuery(context.fileKey(route.tenant), reference, call.request.param("exp"),
                                       call.request.param("sig"), call.now);
        !valid)
        return answerError(response, 403, "PERMISSION_DENIED",
                           "This file link cannot be used: " + valid.error().message + ".");
    auto shares = context.access->sharesOf(*admission.recipient);
    if (!shares)
        return answerError(response, 500, "INTERNAL_ERROR", "");
    if (!tableShared(shares.value(), route.table))
        return answerError(response, 403, "PERMISSION_DENIED",
                           "The table is no longer shared with this recipient.");
    if (!dataFileName(route.file))
        return answerError(response, 404, "RESOURCE_DOES_NOT_EXIST", "No such file.");

    auto file = std::make_shared<OpenFile>();
    const std::string path =
        snapshot::tableDirectory(context.tables->root(), route.tenant, route.table) + "/" + route.file;
    file->fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat info
    {
    };
    if (file->fd < 0 || ::fstat(file->fd, &info) != 0 || !S_ISREG(info.st_mode))
        return answerError(
            response, 404, "RESOURCE_DOES_NOT_EXIST",
            "The file is no longer available (the table has moved on); query the table again.");
    const auto size = static_cast<std::uint64_t>(info.st_size);

    ByteRange range{0, size};
    const std::string rangeHeader = call.request.header("Range");
    const RangeAsk ask = rangeHeader.empty() ? RangeAsk::Whole : parseRange(rangeHeader, size, range);
    if (ask == RangeAsk::Unsatisfiable) {
        answerError(response, 416, "INVALID_PARAMETER_VALUE", "The requested range is outside the file.");
        response.setHeader("Content-Range", "bytes */" + std::to_string(size));
        return;
    }
    if (ask == RangeAsk::Whole)
        range = {0, size};
    response.status = ask == RangeAsk::Part ? 206 : 200;
    if (ask == RangeAsk::Part)
        response.setHeader("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                                std::to_string(range.first + range.length - 1) + "/" +
                                                std::to_string(size));
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("Cache-Control", "private, max-age=0");
    response.contentType = "application/octet-stream";
    call.audit.files = 1;
    call.audit.bytes = call.request.method == "HEAD" ? 0 : static_cast<std::int64_t>(range.length);
    response.bodyLength = range.length;
    response.readBody = [file, first = range.first](std::uint64_t offset, std::uint64_t length,
                                                    const std::function<bool(std::string_view)> &write) {
        std::string buffer(std::min<std::uint64_t>(length, kReadPiece), '\0');
        const ssize_t got =
            ::pread(file->fd, buffer.data(), buffer.size(), static_cast<off_t>(first + offset));
        if (got <= 0)
            return false; // the file shrank or went away mid-answer: cut the connection off
        return write(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    };
}

} // namespace lakeshore::sharing::server
