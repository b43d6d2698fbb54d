import Foundation

/// "Now", injected everywhere a rule depends on the time, so tests fix it.
public struct Clock: Sendable {
    /// Seconds since the Unix epoch, with sub-second precision (rate-limit windows need it).
    public var now: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Double) {
        self.now = now
    }

    public static let system = Clock { Date().timeIntervalSince1970 }

    /// A clock that always answers `instant`.
    public static func fixed(_ instant: Timestamp) -> Clock {
        let seconds = Double(instant.secondsSinceEpoch)
        return Clock { seconds }
    }

    /// A test double that fails loudly if the code under test asks for the time unexpectedly.
    public static let failing = Clock { fatalError("Clock.failing was asked for the time") }

    public var timestamp: Timestamp {
        Timestamp(secondsSinceEpoch: Int64(now().rounded(.down)))
    }

    public var today: CalendarDate { timestamp.date }
}
