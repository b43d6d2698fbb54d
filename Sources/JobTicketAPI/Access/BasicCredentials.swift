import Foundation

/// The user name and password of an `Authorization: Basic` header (RFC 7617).
struct BasicCredentials {
    let user: String
    let password: String

    /// The longest base64 credentials accepted (a key id and secret need about 112 characters).
    static let maximumEncodedLength = 512

    /// Parses the header, or names why it cannot be used. Works on bytes: it runs on every request.
    static func parse(_ header: String?) -> Result<BasicCredentials, AuthenticationFailure> {
        guard let header, !header.isEmpty else { return .failure(.missingHeader) }
        let bytes = Array(header.utf8)
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard bytes.count > 6, String(decoding: bytes[0..<5], as: UTF8.self).lowercased() == "basic", isBlank(bytes[5]) else {
            return .failure(.wrongScheme)
        }
        var start = 6
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        guard end - start <= maximumEncodedLength,
              let data = Data(base64Encoded: String(decoding: bytes[start..<end], as: UTF8.self)),
              let decoded = String(data: data, encoding: .utf8) else {
            return .failure(.badBase64)
        }
        guard let colon = decoded.firstIndex(of: ":") else { return .failure(.noColon) }
        return .success(BasicCredentials(user: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...])))
    }
}
