import HTTPServer
import JobTicketCore

/// Turns an `APIError` into an RFC 9457 `application/problem+json` response.
public struct ProblemRenderer: Sendable {
    /// `errors` lists at most this many entries (spec §5.5).
    public static let maximumErrors = 100

    public let publicURL: String

    public init(publicURL: String) {
        self.publicURL = publicURL
    }

    public func typeURL(_ type: ProblemType) -> String {
        "\(publicURL)/problems/\(type.rawValue)"
    }

    public func response(_ error: APIError, instance: String, requestId: String) -> HTTPResponse {
        var members: [(String, JSONValue)] = [
            ("type", .string(typeURL(error.type))),
            ("title", .string(error.type.title)),
            ("status", .int(error.type.status)),
            ("detail", .string(error.detail)),
            ("instance", .string(instance)),
            ("requestId", .string(requestId)),
        ]
        members += error.extensions
        if !error.errors.isEmpty {
            members.append(("errors", .array(error.errors.prefix(Self.maximumErrors).map(\.json))))
        }
        var headers = error.headers
        headers.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: error.type.status, headers: headers, body: JSONWriter.bytes(.object(members)))
    }
}
