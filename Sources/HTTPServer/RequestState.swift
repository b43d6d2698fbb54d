/// Per-request state kept in libmicrohttpd's `con_cls` between the calls of the access handler.
///
/// libmicrohttpd calls the handler for one connection on one thread at a time, and the only
/// hand-over to another thread (the responder's task) happens across suspend/resume, which
/// libmicrohttpd orders with its own lock; hence `@unchecked Sendable`.
final class RequestState: @unchecked Sendable {
    var request: HTTPRequest
    let bodyLimit: Int
    /// Set once the body passed the limit; the rest of the body is read and dropped.
    var rejection: TransportError?
    var discardedBytes = 0
    var dispatched = false
    var response: HTTPResponse?

    init(request: HTTPRequest, bodyLimit: Int) {
        self.request = request
        self.bodyLimit = bodyLimit
    }
}

/// An MHD connection pointer that may cross into the responder's task (only to resume it).
struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
