/// Why a string is not a valid API key secret.
public enum APIKeySecretError: Error, Sendable, Equatable {
    /// Wrong length, unknown prefix, or a character outside the base62 alphabet.
    case malformed
    /// Well-formed, but the trailing CRC32 does not match: a typo or a truncated copy.
    case badChecksum
}
