/// A request the transport refuses before any responder sees it.
public enum TransportError: Sendable, Equatable {
    /// The message framing is ambiguous or unsupported (RFC 9112 §6.3); the connection is closed.
    case badFraming(FramingViolation)
    /// The body exceeds the limit configured for the route.
    case payloadTooLarge(limit: Int)

    public var status: Int {
        switch self {
        case .badFraming: 400
        case .payloadTooLarge: 413
        }
    }
}
