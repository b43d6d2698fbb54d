import HTTPServer
import JobTicketCore

/// An error a handler or middleware throws to answer with a problem (spec §5.5).
public struct APIError: Error, Sendable {
    public var type: ProblemType
    public var detail: String
    public var errors: [FieldError]
    /// Extra response headers (`Allow`, `Retry-After`, `WWW-Authenticate`…).
    public var headers: HTTPHeaders
    /// Extra members of the problem object, e.g. `missingPermissions`.
    public var extensions: [(String, JSONValue)]

    public init(_ type: ProblemType, _ detail: String, errors: [FieldError] = [],
                headers: HTTPHeaders = HTTPHeaders(), extensions: [(String, JSONValue)] = []) {
        self.type = type
        self.detail = detail
        self.errors = errors
        self.headers = headers
        self.extensions = extensions
    }

    public static func notFound(_ detail: String = "No such resource.") -> APIError {
        APIError(.notFound, detail)
    }

    public static func badRequest(_ detail: String, errors: [FieldError] = []) -> APIError {
        APIError(.badRequest, detail, errors: errors)
    }
}
