/// A calendar month (`YYYY-MM` on the wire). Tickets, pauses and cancellations work per month.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(_ text: some StringProtocol) {
        guard let date = CalendarDate("\(text)-01") else { return nil }
        self = date.yearMonth
    }

    public var firstDay: CalendarDate {
        CalendarDate(year: year, month: month, day: 1)!
    }

    public var lastDay: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(year: year, month: month))!
    }

    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    public var next: YearMonth { adding(months: 1) }

    public var description: String {
        CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
