import Foundation

/// The user name and password of an `Authorization: Basic` header (RFC 7617).
struct BasicCredentials {
    let user: String
    let password: String

    /// Parses the header, or names why it cannot be used.
    static func parse(_ header: String?) -> Result<BasicCredentials, AuthenticationFailure> {
        guard let header, !header.isEmpty else { return .failure(.missingHeader) }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "basic" else { return .failure(.wrongScheme) }
        let encoded = parts[1].trimmingCharacters(in: .whitespaces)
        guard encoded.utf8.count <= 512, let data = Data(base64Encoded: encoded), let decoded = String(data: data, encoding: .utf8) else {
            return .failure(.badBase64)
        }
        guard let colon = decoded.firstIndex(of: ":") else { return .failure(.noColon) }
        return .success(BasicCredentials(user: String(decoded[..<colon]), password: String(decoded[decoded.index(after: colon)...])))
    }
}
