#include "store/rowsupport.h"

#include "crypto/aesgcm.h"
#include "crypto/encoding.h"
#include "crypto/random.h"
#include "crypto/secrets.h"

#include <nlohmann/json.hpp>

namespace lakeshore::store {

Result<std::string> newRowId()
{
    auto bytes = crypto::randomBytes(8);
    if (!bytes)
        return bytes.error();
    return crypto::toHex(bytes.value());
}

std::string quotedForMessage(std::string_view text)
{
    std::string shown;
    for (char c : text.substr(0, 40))
        shown.push_back(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f ? c : '?');
    return "'" + shown + (text.size() > 40 ? "...'" : "'");
}

Status inTransaction(sqlite::Database &db, const std::function<Status()> &body)
{
    if (auto begun = db.exec("BEGIN IMMEDIATE"); !begun)
        return begun;
    Status done = body();
    if (done)
        done = db.exec("COMMIT");
    if (!done)
        (void)db.exec("ROLLBACK");
    return done;
}

Result<std::optional<std::vector<std::uint8_t>>> sealMap(const std::array<std::uint8_t, 32> &key,
                                                         const std::map<std::string, std::string> &map,
                                                         std::string_view aad)
{
    if (map.empty())
        return std::optional<std::vector<std::uint8_t>>();
    std::string text = nlohmann::json(map).dump();
    auto sealed = crypto::sealAesGcm(key, text, aad);
    crypto::wipe({reinterpret_cast<std::uint8_t *>(text.data()), text.size()});
    if (!sealed)
        return sealed.error();
    return std::optional<std::vector<std::uint8_t>>(std::move(sealed).value());
}

Result<std::map<std::string, std::string>> openMap(const std::array<std::uint8_t, 32> &key,
                                                   const std::vector<std::uint8_t> &blob,
                                                   std::string_view aad, const std::string &field)
{
    auto opened = crypto::openAesGcm(key, blob, aad);
    if (!opened)
        return makeError(ErrorKind::Storage,
                         field + " cannot be decrypted with this key file (the key file "
                                 "was replaced, or the database was altered); enter it again");
    const auto parsed = nlohmann::json::parse(opened.value(), nullptr, false);
    crypto::wipe({reinterpret_cast<std::uint8_t *>(opened.value().data()), opened.value().size()});
    if (!parsed.is_object())
        return makeError(ErrorKind::Invalid, field + " does not hold a JSON object");
    std::map<std::string, std::string> map;
    for (const auto &[name, value] : parsed.items()) {
        if (!value.is_string())
            return makeError(ErrorKind::Invalid, field + " " + quotedForMessage(name) + " is not a string");
        map[name] = value.get<std::string>();
    }
    return map;
}

Status bindSecret(sqlite::Statement &statement, int index, const std::array<std::uint8_t, 32> &key,
                  std::string_view secret, std::string_view aad)
{
    if (secret.empty())
        return statement.bindNull(index);
    auto sealed = crypto::sealAesGcm(key, secret, aad);
    if (!sealed)
        return sealed.error();
    return statement.bindBlob(index, sealed.value());
}

} // namespace lakeshore::store
