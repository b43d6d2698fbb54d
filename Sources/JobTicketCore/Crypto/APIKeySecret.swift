/// An API key secret: `jt_live_`/`jt_test_` + 32 random base62 characters + 6 base62
/// characters encoding the CRC32 of everything before them (46 characters in total).
///
/// The checksum lets secret scanners verify a leaked secret offline and lets the server reject
/// typos before any database lookup. The value is deliberately kept out of `description`,
/// `debugDescription` and `dump`, so a secret cannot end up in a log by accident; read
/// `value` explicitly when it really must be shown.
public struct APIKeySecret: Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    public static let prefixLength = 8
    public static let randomLength = 32
    public static let checksumLength = 6
    public static let length = prefixLength + randomLength + checksumLength

    /// The full secret. Handle with care.
    public let value: String
    /// The environment that issued the secret (from its prefix).
    public let environment: DeploymentEnvironment

    private init(value: String, environment: DeploymentEnvironment) {
        self.value = value
        self.environment = environment
    }

    /// A fresh secret for `environment` with 32 × log2(62) ≈ 190 bits of randomness.
    public static func generate(environment: DeploymentEnvironment, random: RandomSource) -> APIKeySecret {
        let body = environment.secretPrefix + Base62.randomString(length: randomLength, random: random)
        let checksum = Base62.encode(CRC32.checksum(body.utf8), width: checksumLength)
        return APIKeySecret(value: body + checksum, environment: environment)
    }

    /// Validates length, prefix, alphabet (→ `.malformed`) and checksum (→ `.badChecksum`).
    /// Pure and cheap: no I/O, so it can run before any lookup.
    public static func parse(_ s: String) -> Result<APIKeySecret, APIKeySecretError> {
        let bytes = Array(s.utf8)
        guard bytes.count == length else { return .failure(.malformed) }
        let prefix = String(decoding: bytes[..<prefixLength], as: UTF8.self)
        guard let environment = DeploymentEnvironment.allCases.first(where: { $0.secretPrefix == prefix })
        else { return .failure(.malformed) }
        guard bytes[prefixLength...].allSatisfy({ Base62.digitValue($0) != nil }) else {
            return .failure(.malformed)
        }
        let checksumStart = length - checksumLength
        let stored = Base62.decode(Substring(String(decoding: bytes[checksumStart...], as: UTF8.self)))
        guard let stored, stored == UInt64(CRC32.checksum(bytes[..<checksumStart])) else {
            return .failure(.badChecksum)
        }
        return .success(APIKeySecret(value: s, environment: environment))
    }

    /// SHA-256 of the UTF-8 value: what the server stores to verify the secret.
    public var sha256: [UInt8] { Crypto.sha256(value.utf8) }

    /// Whether this secret hashes to `stored`, compared in constant time.
    public func matches(sha256 stored: [UInt8]) -> Bool {
        Crypto.constantTimeEqual(sha256, stored)
    }

    /// Constant-time, so comparing against a candidate leaks no prefix information.
    public static func == (lhs: APIKeySecret, rhs: APIKeySecret) -> Bool {
        Crypto.constantTimeEqual(Array(lhs.value.utf8), Array(rhs.value.utf8))
    }

    public var description: String { "APIKeySecret(\(environment.secretPrefix)…redacted)" }
    public var debugDescription: String { description }
    /// Only the environment is reflected, so `dump` and reflection-based loggers stay safe.
    public var customMirror: Mirror { Mirror(self, children: ["environment": environment]) }
}
