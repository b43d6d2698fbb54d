/// The ticket for one calendar month. Derived from the subscription, never stored.
public struct MonthlyTicket: Sendable, Hashable {
    public let ticketId: String
    public let month: YearMonth

    /// The same employee and month always give the same ticket id.
    public init(employeeId: Int64, month: YearMonth) {
        let digest = Crypto.sha256(Array("ticket:\(employeeId):\(month)".utf8))
        let number = digest.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        ticketId = "tkt_" + Base62.encode(UInt32(truncatingIfNeeded: number), width: 6)
            + Base62.encode(UInt32(truncatingIfNeeded: number >> 32) % 3844, width: 2)
        self.month = month
    }

    public var validFrom: CalendarDate { month.firstDay }
    public var validUntil: CalendarDate { month.lastDay }
}
