// The crypto module: the few OpenSSL 3 primitives Lakeshore needs (random bytes, SHA-256, HMAC, HKDF,
// AES-256-GCM, constant-time compare, wiping) and the text encodings that carry their output.
// Include this header; the per-topic headers it pulls in are its parts.
#pragma once

#include "crypto/aesgcm.h"
#include "crypto/digest.h"
#include "crypto/encoding.h"
#include "crypto/hkdf.h"
#include "crypto/random.h"
#include "crypto/secrets.h"
