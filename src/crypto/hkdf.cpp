#include "crypto/hkdf.h"

#include <memory>
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <string>

namespace lakeshore::crypto {

namespace {

constexpr std::size_t kMaxLength = 255 * 32;

struct KdfFree
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};

// OSSL_PARAM takes non-const pointers but only reads through them when setting parameters.
void *readOnly(const void *data)
{
    return const_cast<void *>(data);
}

} // namespace

Result<std::vector<std::uint8_t>> hkdfSha256(std::span<const std::uint8_t> ikm,
                                             std::span<const std::uint8_t> salt, std::string_view info,
                                             std::size_t length)
{
    if (ikm.empty())
        return makeError(ErrorKind::Invalid, "HKDF: the input key material is empty");
    if (length == 0 || length > kMaxLength)
        return makeError(ErrorKind::Invalid, "HKDF: output length must be 1.." + std::to_string(kMaxLength));

    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    if (!kdf)
        return makeError(ErrorKind::Storage, "HKDF is not available in this OpenSSL");
    std::unique_ptr<EVP_KDF_CTX, KdfFree> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return makeError(ErrorKind::Storage, "HKDF: out of memory");

    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    OSSL_PARAM *p = params;
    *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, readOnly(ikm.data()), ikm.size());
    // Left out when empty: OpenSSL then uses the RFC defaults (zero salt, empty info).
    if (!salt.empty())
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, readOnly(salt.data()), salt.size());
    if (!info.empty())
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, readOnly(info.data()), info.size());
    *p = OSSL_PARAM_construct_end();

    std::vector<std::uint8_t> out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
        return makeError(ErrorKind::Storage, "HKDF derivation failed");
    return out;
}

} // namespace lakeshore::crypto
