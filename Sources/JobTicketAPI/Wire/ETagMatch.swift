import Foundation

/// `If-None-Match` evaluation (RFC 9110 §13.1.2): weak comparison, `*`, comma-separated lists.
enum ETagMatch {
    static func matches(_ header: String, etag: String) -> Bool {
        let candidates = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return candidates.contains { candidate in
            candidate == "*" || candidate == etag || candidate == "W/" + etag
        }
    }
}
