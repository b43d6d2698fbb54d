import Synchronization

/// What the libmicrohttpd callbacks reach through their `cls` pointer: the responder, the
/// limits, and the count of requests that have begun but not completed.
final class ServerContext: Sendable {
    let responder: any HTTPResponder
    let configuration: HTTPServerConfiguration
    let errorResponse: @Sendable (TransportError, HTTPRequest) -> HTTPResponse
    let inFlight = Atomic<Int>(0)

    init(
        responder: any HTTPResponder, configuration: HTTPServerConfiguration,
        errorResponse: @escaping @Sendable (TransportError, HTTPRequest) -> HTTPResponse
    ) {
        self.responder = responder
        self.configuration = configuration
        self.errorResponse = errorResponse
    }
}
