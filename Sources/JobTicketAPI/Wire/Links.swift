import JobTicketCore

/// Builds HAL `_links` (spec §5.3): absolute URLs from the configured public base URL, never
/// from the request's `Host`.
public struct Links: Sendable {
    public let publicURL: String

    public init(publicURL: String) {
        self.publicURL = publicURL
    }

    public func link(_ path: String, type: String = "application/json") -> JSONValue {
        .object([("href", .string(publicURL + path)), ("type", .string(type))])
    }
}
