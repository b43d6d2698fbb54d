import Synchronization

/// What the libmicrohttpd callbacks reach through their `cls` pointer: the responder, the
/// limits, and the server-wide counters.
final class ServerContext: Sendable {
    let responder: any HTTPResponder
    let configuration: HTTPServerConfiguration
    let errorResponse: @Sendable (TransportError, HTTPRequest) -> HTTPResponse
    /// Requests whose head has arrived and whose response has not been fully sent.
    let inFlight = Atomic<Int>(0)
    /// Request body bytes held in memory right now, across all connections.
    let bufferedBodyBytes = Atomic<Int>(0)
    /// Set when shutdown begins: requests arriving later are answered 503 at once.
    let shuttingDown = Atomic<Bool>(false)
    let suspended = SuspendedRequests()

    init(
        responder: any HTTPResponder, configuration: HTTPServerConfiguration,
        errorResponse: @escaping @Sendable (TransportError, HTTPRequest) -> HTTPResponse
    ) {
        self.responder = responder
        self.configuration = configuration
        self.errorResponse = errorResponse
    }

    /// Counts `bytes` against the body memory budget; `false` (and nothing counted) if it is full.
    func reserveBodyBytes(_ bytes: Int) -> Bool {
        let total = bufferedBodyBytes.add(bytes, ordering: .relaxed).newValue
        guard total <= configuration.bodyMemoryBudget else {
            bufferedBodyBytes.subtract(bytes, ordering: .relaxed)
            return false
        }
        return true
    }
}
