import JobTicketCore

/// A payload's idempotency fingerprint: SHA-256 of its JSON with object keys sorted
/// (recursively) and no whitespace, so formatting and key order do not matter.
enum CanonicalJSON {
    static func sha256(_ value: JSONValue) -> String {
        Crypto.hex(Crypto.sha256(JSONWriter.bytes(sorted(value))))
    }

    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let pairs): .object(pairs.map { ($0.0, sorted($0.1)) }.sorted { $0.0 < $1.0 })
        case .array(let items): .array(items.map(sorted))
        default: value
        }
    }
}
