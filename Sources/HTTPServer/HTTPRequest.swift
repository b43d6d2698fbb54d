/// A complete HTTP request as handed to a responder: head and whole body.
public struct HTTPRequest: Sendable {
    /// Upper-case method token, e.g. `GET`.
    public var method: String
    /// The path as sent, percent-escapes kept, without the query string. Split it before decoding
    /// (`PercentDecoding`), so that `%2F` stays inside its segment.
    public var path: String
    /// Decoded query arguments in the order received; a bare `?flag` has a `nil` value.
    public var query: [(name: String, value: String?)]
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's IP address as text (`127.0.0.1`, `::1`), or `unknown`.
    public var remoteAddress: String

    public init(
        method: String, path: String, query: [(name: String, value: String?)] = [],
        headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], remoteAddress: String = "127.0.0.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The first value of a query argument (`""` for a bare `?flag`).
    public func queryValue(_ name: String) -> String? {
        guard let pair = query.first(where: { $0.name == name }) else { return nil }
        return pair.value ?? ""
    }
}
