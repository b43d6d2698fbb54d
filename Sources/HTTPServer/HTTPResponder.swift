/// Anything that turns a request into a response. The application is one; so is each middleware
/// chain. Responders never throw: turning failures into responses is the application's job.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}
