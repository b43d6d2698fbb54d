import CSodium
import Foundation

/// Authenticated symmetric encryption (XSalsa20-Poly1305, `crypto_secretbox_easy`) under a
/// 32-byte master key, for secrets that must be revealed again later (e.g. "View API Key
/// Secret"). A sealed value is `nonce ‖ MAC ‖ ciphertext`, so it is self-contained.
public struct SecretBox: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public static let keyLength = Int(crypto_secretbox_keybytes())
    public static let nonceLength = Int(crypto_secretbox_noncebytes())
    public static let macLength = Int(crypto_secretbox_macbytes())

    private let key: [UInt8]

    /// Fails unless `key` is exactly `keyLength` (32) bytes.
    public init?(key: [UInt8]) {
        guard key.count == Self.keyLength else { return nil }
        self.key = key
    }

    /// A key given as standard Base64 (as it comes from configuration). Surrounding
    /// whitespace, such as the trailing newline of a key file, is ignored.
    public init?(base64: String) {
        let trimmed = base64.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: trimmed) else { return nil }
        self.init(key: [UInt8](data))
    }

    /// A fresh master key of `keyLength` bytes drawn from `random`.
    public static func generateKey(random: RandomSource) -> [UInt8] {
        let key = random.bytes(keyLength)
        precondition(key.count == keyLength, "RandomSource returned a short key")
        return key
    }

    /// Encrypts and authenticates `plaintext` under a fresh random 24-byte nonce.
    /// Returns `nonce ‖ ciphertext` (the ciphertext includes the 16-byte MAC).
    public func seal(_ plaintext: [UInt8], random: RandomSource) -> [UInt8] {
        Crypto.ensureSodiumInitialized()
        let nonce = random.bytes(Self.nonceLength)
        precondition(nonce.count == Self.nonceLength, "RandomSource returned a short nonce")
        var sealed = nonce + [UInt8](repeating: 0, count: Self.macLength + plaintext.count)
        // `plaintext` is passed by implicit array-to-pointer conversion, which yields a valid
        // pointer even for an empty array (an empty buffer's `baseAddress` may be nil).
        let rc = sealed.withUnsafeMutableBufferPointer { out in
            crypto_secretbox_easy(
                out.baseAddress! + Self.nonceLength,
                plaintext, UInt64(plaintext.count),
                out.baseAddress!, key)
        }
        precondition(rc == 0, "crypto_secretbox_easy failed")
        return sealed
    }

    /// Verifies and decrypts a value produced by `seal`. Returns `nil` if it is too short,
    /// was tampered with, or was sealed under another key.
    public func open(_ sealed: [UInt8]) -> [UInt8]? {
        Crypto.ensureSodiumInitialized()
        let overhead = Self.nonceLength + Self.macLength
        guard sealed.count >= overhead else { return nil }
        let plaintextLength = sealed.count - overhead
        // At least one byte, so the output pointer is never NULL for an empty plaintext.
        var plaintext = [UInt8](repeating: 0, count: max(plaintextLength, 1))
        let rc = sealed.withUnsafeBufferPointer { input in
            plaintext.withUnsafeMutableBufferPointer { out in
                crypto_secretbox_open_easy(
                    out.baseAddress,
                    input.baseAddress! + Self.nonceLength,
                    UInt64(input.count - Self.nonceLength),
                    input.baseAddress!, key)
            }
        }
        guard rc == 0 else { return nil }
        return Array(plaintext.prefix(plaintextLength))
    }

    /// Never reveals the key, so a `SecretBox` printed or dumped into a log leaks nothing.
    public var description: String { "SecretBox(key: redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
