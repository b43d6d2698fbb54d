/// A request the transport refuses before any responder sees it.
public enum TransportError: Sendable, Equatable {
    /// The message framing is ambiguous or unsupported (RFC 9112 §6.3); the connection is closed.
    case badFraming(FramingViolation)
    /// The body exceeds the limit configured for the route.
    case payloadTooLarge(limit: Int)
    /// The server holds as many request bodies in memory as it may; retry shortly.
    case overloaded
    /// The server is shutting down; retry on another instance or after the restart.
    case shuttingDown

    public var status: Int {
        switch self {
        case .badFraming: 400
        case .payloadTooLarge: 413
        case .overloaded, .shuttingDown: 503
        }
    }
}
