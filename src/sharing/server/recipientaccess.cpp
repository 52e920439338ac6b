#include "sharing/server/recipientaccess.h"

#include "crypto/digest.h"
#include "crypto/encoding.h"
#include "sharing/delta/deltaschema.h"
#include "sharing/server/sharingroute.h"
#include "store/settingsstore.h"
#include "store/sharingstore.h"

#include <algorithm>

namespace lakeshore::sharing::server {

struct RecipientAccess::Directory
{
    std::map<std::string, store::Share> shares;                              // by id
    std::map<std::string, std::shared_ptr<const KnownRecipient>> recipients; // by id
    std::map<std::string, std::string> recipientOfToken;                     // token id -> recipient id
};

namespace {

constexpr std::size_t kMaxCachedTokens = 10000;

Admission refuse(int status, std::string code, std::string message)
{
    return {nullptr, Refusal{status, std::move(code), std::move(message)}};
}

Admission unauthenticated(std::string message)
{
    return refuse(401, "UNAUTHENTICATED", std::move(message));
}

// The last step of every admission: the recipient's IP allow-list.
Admission admitAddress(const std::shared_ptr<const KnownRecipient> &known, std::string_view peerAddress)
{
    if (!known->allowList.empty() &&
        std::none_of(known->allowList.begin(), known->allowList.end(),
                     [&](const http::CidrRange &range) { return range.contains(peerAddress); }))
        return refuse(403, "PERMISSION_DENIED",
                      "Requests from " + std::string(peerAddress) + " are not allowed for this recipient.");
    return {known, {}};
}

const store::RecipientToken *tokenById(const store::Recipient &recipient, const std::string &id)
{
    for (const auto &token : recipient.tokens)
        if (token.id == id)
            return &token;
    return nullptr;
}

std::string hexHash(std::string_view text)
{
    const crypto::Digest256 digest = crypto::sha256(text);
    return crypto::toHex(digest);
}

} // namespace

RecipientAccess::RecipientAccess(std::unique_ptr<store::SettingsStore> store)
    : m_store(std::move(store)), m_sharing(std::make_unique<store::SharingStore>(*m_store))
{
}

RecipientAccess::~RecipientAccess() = default;

Result<std::shared_ptr<const RecipientAccess::Directory>> RecipientAccess::current()
{
    auto counter = m_sharing->changeCounter();
    if (!counter)
        return counter.error();
    if (m_directory && counter.value() == m_counter)
        return m_directory;
    auto shares = m_sharing->shares();
    if (!shares)
        return shares.error();
    auto recipients = m_sharing->recipients();
    if (!recipients)
        return recipients.error();
    auto directory = std::make_shared<Directory>();
    for (auto &share : shares.value())
        directory->shares.emplace(share.id, std::move(share));
    for (auto &recipient : recipients.value()) {
        auto known = std::make_shared<KnownRecipient>();
        for (const std::string &entry : recipient.ipAllowList)
            if (auto range = http::parseCidr(entry))
                known->allowList.push_back(range.value());
        for (const auto &token : recipient.tokens)
            directory->recipientOfToken.emplace(token.id, recipient.id);
        known->recipient = std::move(recipient);
        directory->recipients.emplace(known->recipient.id, std::move(known));
    }
    m_directory = std::move(directory);
    m_counter = counter.value();
    m_tokens.clear();
    return m_directory;
}

Result<std::shared_ptr<const RecipientAccess::Directory>> RecipientAccess::readDirectory()
{
    if (m_directory)
        return m_directory;
    return current();
}

Admission RecipientAccess::admitToken(std::string_view authorization, std::string_view tenant,
                                      std::string_view peerAddress, std::int64_t now)
{
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size() ||
        !std::equal(scheme.begin(), scheme.end(), authorization.begin(),
                    [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
        return unauthenticated("Send the bearer token of your config.share profile in an "
                               "\"Authorization: Bearer <token>\" header.");
    const std::string_view bearer = authorization.substr(scheme.size());

    std::lock_guard lock(m_mutex);
    auto directory = current();
    if (!directory)
        return refuse(500, "INTERNAL_ERROR", "");
    const std::string hash = hexHash(bearer);
    auto cached = m_tokens.find(hash);
    if (cached == m_tokens.end()) {
        if (m_tokens.size() >= kMaxCachedTokens) // made-up tokens must not grow the cache without end
            m_tokens.clear();
        auto grant = m_sharing->findToken(bearer);
        if (!grant)
            return refuse(500, "INTERNAL_ERROR", "");
        cached = m_tokens.emplace(hash, grant.value() ? grant.value()->token.id : std::string()).first;
    }
    const Directory &dir = *directory.value();
    auto owner = dir.recipientOfToken.find(cached->second);
    if (owner == dir.recipientOfToken.end())
        return unauthenticated("The bearer token is not valid for this sharing endpoint.");
    const auto &known = dir.recipients.at(owner->second);
    const store::Recipient &recipient = known->recipient;
    const store::RecipientToken *token = tokenById(recipient, cached->second);
    if (recipient.tenant != tenant)
        return unauthenticated("The bearer token is not valid for this sharing endpoint.");
    if (token->revokedAt && *token->revokedAt <= now)
        return unauthenticated("The bearer token was revoked. Ask the data provider for a new profile.");
    if (now >= token->expiresAt)
        return unauthenticated("The bearer token expired at " + delta::isoMillis(token->expiresAt) +
                               ". Ask the data provider for a new profile.");
    return admitAddress(known, peerAddress);
}

Admission RecipientAccess::admitRecipient(std::string_view recipientId, std::string_view tenant,
                                          std::string_view peerAddress, std::int64_t now)
{
    std::lock_guard lock(m_mutex);
    auto directory = current();
    if (!directory)
        return refuse(500, "INTERNAL_ERROR", "");
    const Directory &dir = *directory.value();
    auto found = dir.recipients.find(std::string(recipientId));
    if (found == dir.recipients.end() || found->second->recipient.tenant != tenant)
        return unauthenticated("This file link's recipient no longer exists.");
    const auto &tokens = found->second->recipient.tokens;
    if (std::none_of(tokens.begin(), tokens.end(), [&](const auto &t) { return t.activeAt(now); }))
        return unauthenticated("This file link's recipient has no valid token any more.");
    return admitAddress(found->second, peerAddress);
}

Result<std::vector<store::Share>> RecipientAccess::sharesOf(const KnownRecipient &known)
{
    std::lock_guard lock(m_mutex);
    auto directory = readDirectory();
    if (!directory)
        return directory.error();
    std::vector<store::Share> out;
    for (const std::string &id : known.recipient.shareIds) {
        auto share = directory.value()->shares.find(id);
        if (share != directory.value()->shares.end() && share->second.tenant == known.recipient.tenant)
            out.push_back(share->second);
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    return out;
}

Result<bool> RecipientAccess::tenantHasShare(std::string_view tenant, std::string_view name)
{
    std::lock_guard lock(m_mutex);
    auto directory = readDirectory();
    if (!directory)
        return directory.error();
    for (const auto &[id, share] : directory.value()->shares)
        if (share.tenant == tenant && sameName(share.name, name))
            return true;
    return false;
}

} // namespace lakeshore::sharing::server
