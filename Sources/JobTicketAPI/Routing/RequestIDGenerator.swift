import HTTPServer
import JobTicketCore
import Synchronization

/// Chooses each request's id: the client's `X-Request-Id` when it is sane, else a new ULID
/// (time-ordered, so ids sort like the log).
public struct RequestIDGenerator: Sendable {
    public var generate: @Sendable () -> String

    public init(generate: @escaping @Sendable () -> String) {
        self.generate = generate
    }

    /// ULIDs from the clock and a fast generator seeded once from the system: request ids need
    /// uniqueness, not secrecy, and two `getrandom` calls per request showed in profiles.
    public static func ulid(clock: Clock) -> RequestIDGenerator {
        var system = SystemRandomNumberGenerator()
        let state = Mutex(SplitMix64(seed: system.next()))
        return RequestIDGenerator {
            let (high, low) = state.withLock { ($0.next(), $0.next()) }
            return ULID.make(milliseconds: UInt64(clock.now() * 1000), random: high, low)
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
