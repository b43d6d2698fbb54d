import HTTPServer
import JobTicketCore

/// Chooses each request's id: the client's `X-Request-Id` when it is sane, else a new ULID
/// (time-ordered, so ids sort like the log).
public struct RequestIDGenerator: Sendable {
    public var generate: @Sendable () -> String

    public init(generate: @escaping @Sendable () -> String) {
        self.generate = generate
    }

    /// ULIDs from the clock and the system's random generator.
    public static func ulid(clock: Clock) -> RequestIDGenerator {
        RequestIDGenerator {
            var random = SystemRandomNumberGenerator()
            return ULID.make(milliseconds: UInt64(clock.now() * 1000), random: random.next(), random.next())
        }
    }

    public func id(for request: HTTPRequest) -> String {
        if let offered = request.headers["X-Request-Id"], Self.isSane(offered) { return offered }
        return generate()
    }

    /// 1–128 characters of letters, digits, `-`, `.`, `_`, `~`, `:`: safe to log and echo.
    static func isSane(_ value: String) -> Bool {
        (1...128).contains(value.utf8.count) && value.utf8.allSatisfy { URLCharacters.isUnreserved($0) || $0 == UInt8(ascii: ":") }
    }
}
