#include "http/httpclient.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <curl/curl.h>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <strings.h>
#include <thread>

namespace lakeshore::http {
namespace {

using Clock = std::chrono::steady_clock;

struct CurlGlobal
{
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
};

void ensureCurlGlobal()
{
    static CurlGlobal global;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string trim(std::string_view text)
{
    auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::string sizeText(std::size_t bytes)
{
    return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MB" : std::to_string(bytes) + " bytes";
}

bool isHttpUrl(std::string_view url)
{
    auto startsWith = [url](std::string_view prefix) {
        return url.size() >= prefix.size() && equalsIgnoreCase(url.substr(0, prefix.size()), prefix);
    };
    return startsWith("http://") || startsWith("https://");
}

} // namespace

std::string Response::header(std::string_view name) const
{
    for (const auto &[key, value] : headers)
        if (equalsIgnoreCase(key, name))
            return value;
    return {};
}

long long parseRetryAfter(std::string_view value, long long nowEpochSeconds)
{
    std::string text = trim(value);
    if (text.empty())
        return -1;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (text.size() > 9)
            return -1;
        return std::stoll(text) * 1000;
    }
    const time_t when = curl_getdate(text.c_str(), nullptr);
    if (when < 0)
        return -1;
    return std::max<long long>(0, (static_cast<long long>(when) - nowEpochSeconds) * 1000);
}

struct Transfer
{
    std::uint64_t id = 0;
    Request request;
    CancelToken cancel;
    ResponseCallback callback;
    CURL *easy = nullptr;
    curl_slist *headerList = nullptr;
    Response response;
    bool tooLarge = false;
    bool stoppedByReceiver = false; // onBodyChunk said stop
    Clock::time_point started;
    Clock::time_point retryAt; // when waiting to retry
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

struct HttpClient::Impl
{
    CURLM *multi = nullptr;
    std::thread thread;
    mutable std::mutex mutex;
    std::deque<std::unique_ptr<Transfer>> incoming;
    std::vector<std::uint64_t> cancellations;
    bool stopping = false;
    std::atomic<std::uint64_t> nextId{1};
    std::atomic<std::size_t> active{0};

    // Owned by the I/O thread only.
    std::map<std::uint64_t, std::unique_ptr<Transfer>> running;
    std::map<std::uint64_t, std::unique_ptr<Transfer>> waiting; // for a retry
    mutable std::minstd_rand jitter{std::random_device{}()};

    ~Impl() { curl_multi_cleanup(multi); }
    void wake() { curl_multi_wakeup(multi); }
    void run();
    void start(std::unique_ptr<Transfer> transfer);
    void finish(Transfer &transfer, CURLcode code);
    void complete(std::unique_ptr<Transfer> transfer, Result<Response> result);
    void cancel(std::uint64_t id);
    void releaseEasy(Transfer &transfer);
    long long retryDelayMs(const Transfer &transfer) const;
    long long nextWakeMs() const;
};

static size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    if (transfer->request.onBodyChunk) {
        long status = 0;
        curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
        if (status >= 200 && status < 300) {
            transfer->response.status = static_cast<int>(status);
            if (!transfer->request.onBodyChunk(transfer->response, std::string_view(data, bytes))) {
                transfer->stoppedByReceiver = true;
                return 0; // aborts the transfer
            }
            return bytes;
        }
    }
    if (transfer->response.body.size() + bytes > transfer->request.maxResponseBytes) {
        transfer->tooLarge = true;
        return 0; // aborts the transfer
    }
    transfer->response.body.append(data, bytes);
    return bytes;
}

static size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    std::string_view line(data, bytes);
    if (line.rfind("HTTP/", 0) == 0) {
        transfer->response.headers.clear(); // a new response (after 100 Continue or a retry)
        return bytes;
    }
    auto colon = line.find(':');
    if (colon != std::string_view::npos)
        transfer->response.headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    return bytes;
}

HttpClient::HttpClient() : m_impl(std::make_shared<Impl>())
{
    ensureCurlGlobal();
    m_impl->multi = curl_multi_init();
    curl_multi_setopt(m_impl->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 16L);
    curl_multi_setopt(m_impl->multi, CURLMOPT_MAXCONNECTS, 64L);
    // The thread shares ownership: when the client is destroyed from a callback it finishes on its own.
    m_impl->thread = std::thread([impl = m_impl] { impl->run(); });
}

HttpClient::~HttpClient()
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->stopping = true;
    }
    m_impl->wake();
    if (isIoThread())
        m_impl->thread.detach();
    else
        m_impl->thread.join();
}

bool HttpClient::isIoThread() const
{
    return std::this_thread::get_id() == m_impl->thread.get_id();
}

std::size_t HttpClient::activeCount() const
{
    return m_impl->active.load();
}

void HttpClient::send(Request request, CancelToken cancel, ResponseCallback callback)
{
    auto transfer = std::make_unique<Transfer>();
    transfer->id = m_impl->nextId++;
    transfer->request = std::move(request);
    transfer->cancel = cancel;
    transfer->callback = std::move(callback);
    const std::uint64_t id = transfer->id;
    ++m_impl->active;
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->incoming.push_back(std::move(transfer));
    }
    m_impl->wake();
    // The token may outlive this client, hence the weak pointer; a late id is harmless.
    cancel.onCancel([weak = std::weak_ptr<Impl>(m_impl), id] {
        auto impl = weak.lock();
        if (!impl)
            return;
        std::lock_guard lock(impl->mutex);
        if (impl->stopping)
            return;
        impl->cancellations.push_back(id);
        curl_multi_wakeup(impl->multi);
    });
}

void HttpClient::Impl::run()
{
    for (;;) {
        std::deque<std::unique_ptr<Transfer>> fresh;
        std::vector<std::uint64_t> cancelled;
        bool stop = false;
        {
            std::lock_guard lock(mutex);
            fresh.swap(incoming);
            cancelled.swap(cancellations);
            stop = stopping;
        }
        if (stop) {
            for (auto &transfer : fresh)
                complete(std::move(transfer), makeError(ErrorKind::Cancelled, "client shut down"));
            auto stopAll = [this](auto &map) {
                while (!map.empty()) {
                    auto transfer = std::move(map.begin()->second);
                    map.erase(map.begin());
                    releaseEasy(*transfer);
                    complete(std::move(transfer), makeError(ErrorKind::Cancelled, "client shut down"));
                }
            };
            stopAll(running);
            stopAll(waiting);
            return;
        }
        for (auto &transfer : fresh)
            start(std::move(transfer));
        for (auto id : cancelled)
            cancel(id);

        const auto now = Clock::now();
        for (auto it = waiting.begin(); it != waiting.end();) {
            if (it->second->retryAt <= now) {
                auto transfer = std::move(it->second);
                it = waiting.erase(it);
                start(std::move(transfer));
            } else {
                ++it;
            }
        }

        int stillRunning = 0;
        curl_multi_perform(multi, &stillRunning);
        int queued = 0;
        while (CURLMsg *message = curl_multi_info_read(multi, &queued)) {
            if (message->msg != CURLMSG_DONE)
                continue;
            Transfer *raw = nullptr;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &raw);
            const CURLcode code = message->data.result;
            finish(*raw, code);
        }
        curl_multi_poll(multi, nullptr, 0, static_cast<int>(nextWakeMs()), nullptr);
    }
}

long long HttpClient::Impl::nextWakeMs() const
{
    long long wait = 1000;
    long curlWait = -1;
    curl_multi_timeout(multi, &curlWait);
    if (curlWait >= 0)
        wait = std::min<long long>(wait, curlWait);
    const auto now = Clock::now();
    for (const auto &[id, transfer] : waiting) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(transfer->retryAt - now).count();
        wait = std::min<long long>(wait, std::max<long long>(0, left));
    }
    return wait;
}

void HttpClient::Impl::start(std::unique_ptr<Transfer> transfer)
{
    if (transfer->cancel.cancelled()) {
        complete(std::move(transfer), makeError(ErrorKind::Cancelled, "cancelled"));
        return;
    }
    const Request &request = transfer->request;
    // A line break in a header (say, a pasted token) would end the head early or smuggle in another header.
    for (const auto &[name, value] : request.headers) {
        if (name.find_first_of("\r\n") != std::string::npos ||
            value.find_first_of("\r\n") != std::string::npos) {
            Error error = makeError(ErrorKind::Invalid, "the " + name.substr(0, name.find_first_of("\r\n")) +
                                                            " header has a line break in it");
            complete(std::move(transfer), std::move(error));
            return;
        }
    }
    if (transfer->response.attempts == 1 && transfer->started == Clock::time_point())
        transfer->started = Clock::now();
    CURL *easy = curl_easy_init();
    transfer->easy = easy;
    transfer->response.body.clear();
    transfer->response.headers.clear();
    transfer->tooLarge = false;
    transfer->stoppedByReceiver = false;
    transfer->errorBuffer[0] = 0;

    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeoutMs));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeoutMs));
    // "" = every encoding curl was built with; NULL = no Accept-Encoding at all.
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, request.acceptCompressed ? "" : nullptr);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, request.verifyTls ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, request.verifyTls ? 2L : 0L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    // A streamed body is limited by its receiver, and this limit would also cut a long event stream.
    if (request.maxResponseBytes > 0 && !request.onBodyChunk)
        curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.maxResponseBytes));

    if (request.method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (request.method != "GET") {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
    }
    curl_slist *list = curl_slist_append(nullptr, "Expect:");
    for (const auto &[name, value] : request.headers)
        list = curl_slist_append(list, (name + ": " + value).c_str());
    transfer->headerList = list;
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, list);

    curl_multi_add_handle(multi, easy);
    running.emplace(transfer->id, std::move(transfer));
}

void HttpClient::Impl::releaseEasy(Transfer &transfer)
{
    if (transfer.easy) {
        curl_multi_remove_handle(multi, transfer.easy);
        curl_easy_cleanup(transfer.easy);
        transfer.easy = nullptr;
    }
    if (transfer.headerList) {
        curl_slist_free_all(transfer.headerList);
        transfer.headerList = nullptr;
    }
}

long long HttpClient::Impl::retryDelayMs(const Transfer &transfer) const
{
    const long long fromHeader =
        parseRetryAfter(transfer.response.header("Retry-After"), static_cast<long long>(std::time(nullptr)));
    if (fromHeader >= 0)
        return fromHeader;
    // Exponential back-off with jitter: 250 ms, 500 ms, 1 s, ...
    const long long base = 250LL << std::min(transfer.response.attempts - 1, 6);
    return base + static_cast<long long>(jitter() % static_cast<unsigned>(base / 2 + 1));
}

void HttpClient::Impl::finish(Transfer &raw, CURLcode code)
{
    auto node = running.extract(raw.id);
    auto transfer = std::move(node.mapped());
    long status = 0;
    curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
    char *effective = nullptr;
    curl_easy_getinfo(transfer->easy, CURLINFO_EFFECTIVE_URL, &effective);
    if (effective)
        transfer->response.url = effective;
    const std::string curlMessage =
        transfer->errorBuffer[0] ? transfer->errorBuffer : curl_easy_strerror(code);
    releaseEasy(*transfer);
    transfer->response.elapsedMs =
        std::chrono::duration<double, std::milli>(Clock::now() - transfer->started).count();

    // Each error is built before complete() takes the transfer: argument evaluation order is unspecified.
    if (transfer->stoppedByReceiver) {
        complete(std::move(transfer), makeError(ErrorKind::Cancelled, "stopped by the receiver"));
        return;
    }
    if (transfer->tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
        Error error = makeError(ErrorKind::TooLarge,
                                "the reply is larger than " + sizeText(transfer->request.maxResponseBytes));
        complete(std::move(transfer), std::move(error));
        return;
    }
    if (code == CURLE_OPERATION_TIMEDOUT) {
        Error error = makeError(ErrorKind::Timeout, "no complete reply within " +
                                                        std::to_string(transfer->request.timeoutMs) + " ms");
        complete(std::move(transfer), std::move(error));
        return;
    }
    // curl also says "unsupported protocol" for a reply that is not HTTP: that is the server's fault.
    const bool badReply = code == CURLE_WEIRD_SERVER_REPLY ||
                          (code == CURLE_UNSUPPORTED_PROTOCOL && isHttpUrl(transfer->request.url));
    if (badReply) {
        complete(std::move(transfer),
                 makeError(ErrorKind::Malformed, "the reply is not HTTP: " + curlMessage));
        return;
    }
    if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) {
        complete(std::move(transfer), makeError(ErrorKind::Invalid, curlMessage));
        return;
    }
    if (code != CURLE_OK) {
        complete(std::move(transfer), makeError(ErrorKind::Network, curlMessage));
        return;
    }
    transfer->response.status = static_cast<int>(status);
    const bool retriable = status == 429 || (status == 503 && transfer->request.idempotent);
    if (retriable && transfer->response.attempts <= transfer->request.maxRetries) {
        const long long delay = retryDelayMs(*transfer);
        if (delay <= transfer->request.maxRetryDelayMs && !transfer->cancel.cancelled()) {
            ++transfer->response.attempts;
            transfer->retryAt = Clock::now() + std::chrono::milliseconds(delay);
            waiting.emplace(transfer->id, std::move(transfer));
            return;
        }
    }
    Response response = std::move(transfer->response);
    complete(std::move(transfer), std::move(response));
}

void HttpClient::Impl::cancel(std::uint64_t id)
{
    for (auto *map : {&running, &waiting}) {
        auto it = map->find(id);
        if (it == map->end())
            continue;
        auto transfer = std::move(it->second);
        map->erase(it);
        releaseEasy(*transfer);
        complete(std::move(transfer), makeError(ErrorKind::Cancelled, "cancelled"));
        return;
    }
}

void HttpClient::Impl::complete(std::unique_ptr<Transfer> transfer, Result<Response> result)
{
    auto callback = std::move(transfer->callback);
    transfer.reset();
    --active;
    if (callback)
        callback(std::move(result));
}

} // namespace lakeshore::http
