import CSodium

/// Hashing, MAC and comparison primitives, backed by libsodium.
///
/// Every entry point makes sure `sodium_init()` ran (exactly once, via a lazily initialised
/// static), so callers never have to remember to initialise the library.
public enum Crypto: Sendable {
    /// Length in bytes of a SHA-256 digest and of an HMAC-SHA256 tag.
    public static let sha256Length = Int(crypto_hash_sha256_bytes())

    /// Evaluated once, on first use, by the Swift runtime (thread-safe lazy global).
    /// `sodium_init` returns 0 on success, 1 if already initialised, -1 on failure; without a
    /// working libsodium (e.g. no entropy source) nothing in this module is safe to run.
    private static let sodiumInitialized: Bool = sodium_init() >= 0

    /// Initialises libsodium if that has not happened yet; traps if it cannot be initialised.
    static func ensureSodiumInitialized() {
        precondition(sodiumInitialized, "sodium_init() failed")
    }

    /// SHA-256 (`crypto_hash_sha256`) of `bytes`.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        ensureSodiumInitialized()
        var digest = [UInt8](repeating: 0, count: sha256Length)
        let rc = withNonNullBytes(bytes) { input, count in
            digest.withUnsafeMutableBufferPointer { out in
                crypto_hash_sha256(out.baseAddress!, input, UInt64(count))
            }
        }
        precondition(rc == 0, "crypto_hash_sha256 failed")
        return digest
    }

    /// HMAC-SHA256 of `message` under `key`.
    ///
    /// Uses the `_init/_update/_final` API because one-shot `crypto_auth_hmacsha256` requires
    /// a 32-byte key, while HMAC (RFC 2104) accepts keys of any length.
    public static func hmacSHA256(key: [UInt8], message: some Collection<UInt8>) -> [UInt8] {
        ensureSodiumInitialized()
        var state = crypto_auth_hmacsha256_state()
        var tag = [UInt8](repeating: 0, count: sha256Length)
        var rc = withNonNullBytes(key) { k, count in
            crypto_auth_hmacsha256_init(&state, k, count)
        }
        precondition(rc == 0, "crypto_auth_hmacsha256_init failed")
        rc = withNonNullBytes(message) { input, count in
            crypto_auth_hmacsha256_update(&state, input, UInt64(count))
        }
        precondition(rc == 0, "crypto_auth_hmacsha256_update failed")
        rc = tag.withUnsafeMutableBufferPointer { out in
            crypto_auth_hmacsha256_final(&state, out.baseAddress!)
        }
        precondition(rc == 0, "crypto_auth_hmacsha256_final failed")
        // The state holds key-derived material; wipe it before it goes out of scope.
        withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress, $0.count) }
        return tag
    }

    /// Compares two byte strings in time that depends only on their length, never on where
    /// they differ (`sodium_memcmp`). Returns `false` when the lengths differ: lengths of
    /// digests and tags are public, so leaking a length mismatch early reveals nothing.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        ensureSodiumInitialized()
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                sodium_memcmp(pa.baseAddress, pb.baseAddress, pa.count) == 0
            }
        }
    }

    /// Lowercase hexadecimal rendering of `bytes`, two characters per byte.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs `body` with a pointer to the contiguous bytes of `bytes` and their count, copying
    /// only when the collection has no contiguous storage. libsodium declares its pointer
    /// parameters `nonnull`, so an empty input gets a valid dummy pointer (count 0) instead of
    /// the `nil` base address of an empty buffer.
    private static func withNonNullBytes<R>(
        _ bytes: some Collection<UInt8>,
        _ body: (UnsafePointer<UInt8>, Int) -> R
    ) -> R {
        if bytes.isEmpty {
            var dummy: UInt8 = 0
            return withUnsafePointer(to: &dummy) { body($0, 0) }
        }
        let direct = bytes.withContiguousStorageIfAvailable { buffer in
            body(buffer.baseAddress!, buffer.count)
        }
        if let direct { return direct }
        return Array(bytes).withUnsafeBufferPointer { body($0.baseAddress!, $0.count) }
    }
}
