import Synchronization

/// Per-request state kept in libmicrohttpd's `con_cls` between the calls of the access handler.
///
/// libmicrohttpd calls the handler for one connection on one thread at a time. The only
/// hand-over to another thread (the responder's task, or a shutdown that gives up on it) goes
/// through `claimResumption()`: exactly one party wins it, stores the response and resumes the
/// connection, which libmicrohttpd orders with its own lock; hence `@unchecked Sendable`.
final class RequestState: @unchecked Sendable {
    var request: HTTPRequest
    let bodyLimit: Int
    /// Set once the body passed a limit; the rest of the body is read and dropped.
    var rejection: TransportError?
    var discardedBytes = 0
    /// Body bytes counted against the server's body memory budget.
    var budgetedBytes = 0
    var dispatched = false
    var response: HTTPResponse?
    /// Close the connection after this response (shutdown, refusals).
    var closeAfterResponse = false
    /// The head arrived after shutdown began: answer 503 instead of running the responder.
    var arrivedDuringShutdown = false
    private let resumption = Atomic<Bool>(false)

    init(request: HTTPRequest, bodyLimit: Int) {
        self.request = request
        self.bodyLimit = bodyLimit
    }

    /// `true` for the first caller only: it may set `response` and resume the connection.
    func claimResumption() -> Bool {
        resumption.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}
