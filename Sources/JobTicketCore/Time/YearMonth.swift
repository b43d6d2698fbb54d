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

    /// The first day of the month. Total: months outside the years 1–9999 that `CalendarDate`
    /// parses (e.g. `9999-12`.next) still get their proleptic Gregorian day; years beyond
    /// ±1 000 000 000, which no date arithmetic reaches, are clamped to that bound.
    public var firstDay: CalendarDate {
        let year = Self.computableYear(year)
        return CalendarDate(daysSinceEpoch: CalendarDate.dayNumber(year: year, month: month, day: 1))
    }

    /// The last day of the month; total like `firstDay`.
    public var lastDay: CalendarDate {
        let year = Self.computableYear(year)
        let day = CalendarDate.daysIn(year: year, month: month)
        return CalendarDate(daysSinceEpoch: CalendarDate.dayNumber(year: year, month: month, day: day))
    }

    /// Total for every `Int`: the year saturates at `Int.min`/`Int.max` instead of overflowing.
    public func adding(months: Int) -> YearMonth {
        let (years, rest) = months.quotientAndRemainder(dividingBy: 12)
        var newMonth = month + rest // -10...23
        var carry = 0
        if newMonth > 12 {
            newMonth -= 12
            carry = 1
        } else if newMonth < 1 {
            newMonth += 12
            carry = -1
        }
        return YearMonth(year: Self.saturatingSum(Self.saturatingSum(year, years), carry), month: newMonth)
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    private static func computableYear(_ year: Int) -> Int {
        min(max(year, CalendarDate.computableYears.lowerBound), CalendarDate.computableYears.upperBound)
    }

    public var next: YearMonth { adding(months: 1) }

    public var description: String {
        CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
