#include "crypto/aesgcm.h"

#include "crypto/random.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <string>

namespace lakeshore::crypto {

namespace {

constexpr std::uint8_t kVersion = 0x01;
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

const unsigned char *bytes(const void *data)
{
    static const unsigned char empty = 0;
    return data ? static_cast<const unsigned char *>(data) : &empty;
}

// The version byte and the caller's aad both go in as associated data.
bool addAad(EVP_CIPHER_CTX *ctx, std::string_view aad)
{
    int unused = 0;
    if (EVP_CipherUpdate(ctx, nullptr, &unused, &kVersion, 1) != 1)
        return false;
    return aad.empty() ||
           EVP_CipherUpdate(ctx, nullptr, &unused, bytes(aad.data()), static_cast<int>(aad.size())) == 1;
}

Error cannotOpen()
{
    return makeError(
        ErrorKind::Storage,
        "encrypted value could not be opened: wrong key, or the data was altered or mislabelled");
}

} // namespace

Result<std::vector<std::uint8_t>> sealAesGcm(std::span<const std::uint8_t, kAesGcmKeySize> key,
                                             std::string_view plaintext, std::string_view aad)
{
    if (plaintext.size() > static_cast<std::size_t>(INT_MAX) - kAesGcmOverhead || aad.size() > INT_MAX)
        return makeError(ErrorKind::Invalid, "value too large to encrypt");

    auto nonce = randomBytes(kNonceSize);
    if (!nonce)
        return nonce.error();

    std::vector<std::uint8_t> blob(kAesGcmOverhead + plaintext.size());
    blob[0] = kVersion;
    std::copy(nonce.value().begin(), nonce.value().end(), blob.begin() + 1);
    std::uint8_t *cipherOut = blob.data() + 1 + kNonceSize;

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int written = 0;
    int finalWritten = 0;
    const bool sealed =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), blob.data() + 1) == 1 &&
        addAad(ctx.get(), aad) &&
        (plaintext.empty() || EVP_EncryptUpdate(ctx.get(), cipherOut, &written, bytes(plaintext.data()),
                                                static_cast<int>(plaintext.size())) == 1) &&
        EVP_EncryptFinal_ex(ctx.get(), cipherOut + written, &finalWritten) == 1 &&
        static_cast<std::size_t>(written + finalWritten) == plaintext.size() &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, cipherOut + plaintext.size()) == 1;
    if (!sealed)
        return makeError(ErrorKind::Storage, "AES-256-GCM encryption failed");
    return blob;
}

Result<std::string> openAesGcm(std::span<const std::uint8_t, kAesGcmKeySize> key,
                               std::span<const std::uint8_t> blob, std::string_view aad)
{
    if (blob.size() < kAesGcmOverhead)
        return makeError(ErrorKind::Storage, "encrypted value is truncated (" + std::to_string(blob.size()) +
                                                 " bytes, at least " + std::to_string(kAesGcmOverhead) +
                                                 " expected)");
    if (blob[0] != kVersion)
        return makeError(ErrorKind::Storage,
                         "encrypted value has unknown format version " + std::to_string(blob[0]));
    if (blob.size() > static_cast<std::size_t>(INT_MAX) || aad.size() > INT_MAX)
        return makeError(ErrorKind::Storage, "encrypted value too large");

    const std::uint8_t *nonce = blob.data() + 1;
    const std::uint8_t *cipherIn = nonce + kNonceSize;
    const std::size_t cipherSize = blob.size() - kAesGcmOverhead;
    // GCM's tag ctrl takes a non-const pointer but only reads it when decrypting.
    auto *tag = const_cast<std::uint8_t *>(cipherIn + cipherSize);

    std::string plaintext(cipherSize, '\0');
    auto *plainOut = reinterpret_cast<unsigned char *>(plaintext.data());
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int written = 0;
    int finalWritten = 0;
    const bool setUp =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce) == 1 && addAad(ctx.get(), aad) &&
        (cipherSize == 0 ||
         EVP_DecryptUpdate(ctx.get(), plainOut, &written, cipherIn, static_cast<int>(cipherSize)) == 1) &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag) == 1;
    if (!setUp)
        return makeError(ErrorKind::Storage, "AES-256-GCM decryption could not start");
    if (EVP_DecryptFinal_ex(ctx.get(), plainOut + written, &finalWritten) != 1 ||
        static_cast<std::size_t>(written + finalWritten) != cipherSize) {
        // Wipe what was decrypted before the tag check failed; it is unauthenticated.
        OPENSSL_cleanse(plaintext.data(), plaintext.size());
        return cannotOpen();
    }
    return plaintext;
}

} // namespace lakeshore::crypto
