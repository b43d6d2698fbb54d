import HTTPServer

/// One step around every route's handler: authentication, rate limiting, and so on.
/// A middleware either answers itself (returns or throws) or calls `next`.
public protocol Middleware: Sendable {
    func handle(_ request: HTTPRequest, context: RequestContext, next: Handler) async throws -> HTTPResponse
}
