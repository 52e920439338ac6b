// Who may read what: the recipients, tokens and shares of the settings store as the share server sees
// them, kept in memory and read again whenever the store's change counter moves, so a token revoked in
// the GUI stops working on the very next request without a database read per request.
#pragma once

#include "core/result.h"
#include "http/cidr.h"
#include "store/sharingsettings.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lakeshore::store {
class SettingsStore;
class SharingStore;
} // namespace lakeshore::store

namespace lakeshore::sharing::server {

// A recipient as the server checks it: with its parsed IP allow-list.
struct KnownRecipient
{
    store::Recipient recipient;
    std::vector<http::CidrRange> allowList; // empty = any address
};

// Why a request is refused: status 401 or 403, the protocol's error code and a message for the client.
struct Refusal
{
    int status = 401;
    std::string code;
    std::string message;
};

// The recipient a request acts for, or why it may not.
struct Admission
{
    std::shared_ptr<const KnownRecipient> recipient; // null when refused
    Refusal refusal;
};

class RecipientAccess
{
public:
    explicit RecipientAccess(std::unique_ptr<store::SettingsStore> store);
    ~RecipientAccess();

    // The Authorization header's bearer token checked for the tenant and the peer's address at `now`.
    [[nodiscard]] Admission admitToken(std::string_view authorization, std::string_view tenant,
                                       std::string_view peerAddress, std::int64_t now);
    // A signed file link's recipient (by id) checked the same way: a link stops working when its
    // recipient has no usable token any more.
    [[nodiscard]] Admission admitRecipient(std::string_view recipientId, std::string_view tenant,
                                           std::string_view peerAddress, std::int64_t now);

    // The shares the recipient is granted, by name, as read when the request was admitted.
    [[nodiscard]] Result<std::vector<store::Share>> sharesOf(const KnownRecipient &recipient);
    // Whether the tenant has a share of that name (ignoring case), granted to anyone or not.
    [[nodiscard]] Result<bool> tenantHasShare(std::string_view tenant, std::string_view name);

private:
    struct Directory;
    // With m_mutex held: current() reads the store again when its change counter moved (once per request,
    // on admission); readDirectory() takes what admission just read.
    [[nodiscard]] Result<std::shared_ptr<const Directory>> current();
    [[nodiscard]] Result<std::shared_ptr<const Directory>> readDirectory();

    std::mutex m_mutex;
    std::unique_ptr<store::SettingsStore> m_store;
    std::unique_ptr<store::SharingStore> m_sharing;
    std::int64_t m_counter = -1;
    std::shared_ptr<const Directory> m_directory;
    // SHA-256 (hex) of a bearer token -> its token id, or "" for an unknown token; cleared on change.
    std::unordered_map<std::string, std::string> m_tokens;
};

} // namespace lakeshore::sharing::server
