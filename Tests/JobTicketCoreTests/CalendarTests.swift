import Foundation
import JobTicketCore
import Testing

@Suite struct CalendarDateTests {
    private static var gregorianUTC: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    @Test func agreesWithFoundationForEveryDayAroundTheMillennium() throws {
        let calendar = Self.gregorianUTC
        let first = try #require(calendar.date(from: DateComponents(year: 1999, month: 12, day: 25)))
        let last = try #require(calendar.date(from: DateComponents(year: 2001, month: 3, day: 5)))
        var day = first
        var checked = 0
        while day <= last {
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            let (year, month, dayOfMonth) = (parts.year!, parts.month!, parts.day!)
            let expectedText = String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
            let days = Int(day.timeIntervalSince1970 / 86_400)

            let fromComponents = try #require(CalendarDate(year: year, month: month, day: dayOfMonth))
            #expect(fromComponents.daysSinceEpoch == days, "\(expectedText)")
            #expect(CalendarDate(daysSinceEpoch: days).description == expectedText)
            let parsed = try #require(CalendarDate(expectedText))
            #expect(parsed == fromComponents)
            #expect(parsed.components == (year, month, dayOfMonth), "\(expectedText)")
            #expect(parsed.description == expectedText)
            #expect(parsed.yearMonth == YearMonth(year: year, month: month))

            day = try #require(calendar.date(byAdding: .day, value: 1, to: day))
            checked += 1
        }
        // 7 days of 1999, 366 of 2000, 31 + 28 + 5 of 2001.
        #expect(checked == 7 + 366 + 64)
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-01-01", 10_957), ("2000-03-01", 11_017), ("2024-05-10", 19_853),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func knownDayNumbers(_ text: String, _ days: Int) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.daysSinceEpoch == days)
        #expect(CalendarDate(daysSinceEpoch: days).description == text)
    }

    @Test(arguments: [
        "2023-02-29", "2024-13-01", "2024-04-31", "2024-1-01", "2024-01-1", "2024-00-10", "2024-01-00", "2024-02-30",
        "1900-02-29", "2100-02-29", "0000-01-01", "2024/01/01", "2024-01-01 ", " 2024-01-01", "2024-01-01T00:00:00Z",
        "+024-01-01", "2024-0a-01", "20240101", "", "2024-06-31", "2024-09-31", "2024-11-31", "10000-01-01",
    ])
    func rejectsInvalidDates(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test(arguments: ["2000-02-29", "2024-02-29", "2400-02-29", "2023-02-28", "1900-02-28", "2024-04-30", "2024-12-31"])
    func acceptsRealDates(_ text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: [(2000, true), (2024, true), (2400, true), (1996, true), (1900, false), (2023, false), (2100, false), (2001, false)])
    func leapYears(_ year: Int, _ leap: Bool) {
        #expect(CalendarDate.isLeap(year) == leap)
        #expect(CalendarDate.daysIn(year: year, month: 2) == (leap ? 29 : 28))
        #expect((CalendarDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test func daysInEveryMonth() {
        #expect((1...12).map { CalendarDate.daysIn(year: 2023, month: $0) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect((1...12).map { CalendarDate.daysIn(year: 2024, month: $0) } == [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    @Test func componentsOutOfRangeAreRejected() {
        #expect(CalendarDate(year: 0, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 2024, month: 1, day: 32) == nil)
    }

    @Test func steppingAndOrdering() throws {
        let date = try #require(CalendarDate("2024-02-28"))
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect(date.adding(days: -59).description == "2023-12-31")
        #expect(date.adding(days: 366).description == "2025-02-28")
        #expect(date < date.adding(days: 1))
        #expect(!(date < date))
        #expect([CalendarDate("2024-03-01")!, CalendarDate("2023-12-31")!, date].sorted().map(\.description)
                == ["2023-12-31", "2024-02-28", "2024-03-01"])
    }
}

@Suite struct YearMonthTests {
    @Test(arguments: [
        ("2024-05", 1, "2024-06"), ("2024-12", 1, "2025-01"), ("2023-11", 3, "2024-02"), ("2024-01", -1, "2023-12"),
        ("2024-05", 12, "2025-05"), ("2024-05", -12, "2023-05"), ("2024-05", 25, "2026-06"), ("2024-05", -25, "2022-04"),
        ("2024-05", 0, "2024-05"), ("1999-12", 1, "2000-01"), ("2000-01", -13, "1998-12"),
    ])
    func addingMonths(_ start: String, _ months: Int, _ expected: String) throws {
        let month = try #require(YearMonth(start))
        #expect(month.adding(months: months).description == expected)
    }

    @Test func nextIsOneMonthLater() {
        #expect(YearMonth(year: 2024, month: 12).next == YearMonth(year: 2025, month: 1))
        #expect(YearMonth(year: 2024, month: 1).next.description == "2024-02")
    }

    @Test(arguments: [
        ("2024-02", "2024-02-01", "2024-02-29"), ("2023-02", "2023-02-01", "2023-02-28"),
        ("2000-02", "2000-02-01", "2000-02-29"), ("1900-02", "1900-02-01", "1900-02-28"),
        ("2024-04", "2024-04-01", "2024-04-30"), ("2024-12", "2024-12-01", "2024-12-31"),
        ("2024-01", "2024-01-01", "2024-01-31"),
    ])
    func firstAndLastDay(_ text: String, _ first: String, _ last: String) throws {
        let month = try #require(YearMonth(text))
        #expect(month.firstDay.description == first)
        #expect(month.lastDay.description == last)
        #expect(month.firstDay.yearMonth == month)
        #expect(month.lastDay.yearMonth == month)
        #expect(month.lastDay.adding(days: 1) == month.next.firstDay)
    }

    @Test func parsesAndFormats() {
        #expect(YearMonth("2024-05") == YearMonth(year: 2024, month: 5))
        #expect(YearMonth(year: 987, month: 3).description == "0987-03")
        #expect(YearMonth("2024-05")?.description == "2024-05")
    }

    @Test(arguments: ["2024-5", "2024-13", "2024-00", "2024-05-01", "24-05", "2024/05", "", "2024-05 "])
    func rejectsMalformedMonths(_ text: String) {
        #expect(YearMonth(text) == nil)
    }

    /// `9999-12`.next used to trap in `firstDay` (`CalendarDate(year: 10000, …)!`), which killed
    /// the server when a roster carried an absence in December 9999. Run in a child process so
    /// that a trap fails this test instead of the whole run.
    @Test func monthsPastTheYear9999DoNotTrap() async {
        await #expect(processExitsWith: .success) {
            let december = YearMonth(year: 9999, month: 12)
            precondition(december.next.firstDay.description == "10000-01-01")
            precondition(december.next.lastDay.description == "10000-01-31")
            precondition(december.lastDay.adding(days: 1) == december.next.firstDay)
            precondition(december.adding(months: 3).lastDay.description == "10000-03-31")
            precondition(YearMonth(year: 1, month: 1).adding(months: -1).firstDay.description == "0000-12-01")
        }
    }

    /// Exact proleptic months on both sides of `CalendarDate`'s years 1–9999 (in a child
    /// process, as before the fix these trapped).
    @Test func monthArithmeticIsExactAcrossTheEndsOfCalendarDate() async {
        await #expect(processExitsWith: .success) {
            let december = YearMonth(year: 9999, month: 12)
            precondition(december.next == YearMonth(year: 10_000, month: 1))
            precondition(december.next.firstDay.daysSinceEpoch == 2_932_897)
            precondition(december.next.firstDay.yearMonth == december.next)
            precondition(YearMonth(year: 10_000, month: 2).lastDay.description == "10000-02-29") // a leap year
            precondition(YearMonth(year: 1, month: 1).adding(months: -1) == YearMonth(year: 0, month: 12))
            precondition(YearMonth(year: 1, month: 1).adding(months: -13) == YearMonth(year: -1, month: 12))
            precondition(YearMonth(year: 0, month: 12).lastDay.adding(days: 1) == YearMonth(year: 1, month: 1).firstDay)
            precondition(YearMonth(year: -1, month: 3).adding(months: 10) == YearMonth(year: 0, month: 1))
        }
    }

    /// Total for every `Int`: the year saturates, the first and last day are clamped far out.
    @Test func monthArithmeticNeverTrapsForExtremeInput() async {
        await #expect(processExitsWith: .success) {
            for months in [Int.max, Int.min, Int.max - 1, Int.min + 1, 0] {
                for year in [Int.max, Int.min, 0] {
                    for month in [1, 12] {
                        let shifted = YearMonth(year: year, month: month).adding(months: months)
                        precondition((1...12).contains(shifted.month))
                        precondition(shifted.firstDay <= shifted.lastDay)
                        _ = shifted.next.firstDay
                        _ = shifted.adding(months: -1).lastDay
                    }
                }
            }
            precondition(YearMonth(year: Int.max, month: 12).next == YearMonth(year: Int.max, month: 1))
            precondition(YearMonth(year: Int.min, month: 1).adding(months: -1) == YearMonth(year: Int.min, month: 12))
        }
    }

    @Test func ordering() {
        #expect(YearMonth(year: 2023, month: 12) < YearMonth(year: 2024, month: 1))
        #expect(YearMonth(year: 2024, month: 1) < YearMonth(year: 2024, month: 2))
        #expect(!(YearMonth(year: 2024, month: 2) < YearMonth(year: 2024, month: 2)))
    }
}

@Suite struct TimestampTests {
    @Test func formatsUTCWithoutFraction() throws {
        let date = try #require(CalendarDate("2024-05-10"))
        #expect(Timestamp(date: date, hour: 8).description == "2024-05-10T08:00:00Z")
        #expect(Timestamp(date: date, hour: 23, minute: 59, second: 59).description == "2024-05-10T23:59:59Z")
        #expect(Timestamp(secondsSinceEpoch: 0).description == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: 1_715_328_000).description == "2024-05-10T08:00:00Z")
        #expect(Timestamp(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
    }

    @Test(arguments: [
        ("2024-05-10T08:00:00Z", "2024-05-10T08:00:00Z"),
        ("2024-05-10T08:00:00.123Z", "2024-05-10T08:00:00Z"),
        ("2024-05-10T08:00:00.999999Z", "2024-05-10T08:00:00Z"),
        ("2024-05-10T08:00:00+02:00", "2024-05-10T06:00:00Z"),
        ("2024-05-10T01:30:00+02:00", "2024-05-09T23:30:00Z"),
        ("2024-05-10T22:00:00-05:30", "2024-05-11T03:30:00Z"),
        ("2024-05-10T08:00:00.5+01:00", "2024-05-10T07:00:00Z"),
        ("2024-05-10T08:00:00-00:00", "2024-05-10T08:00:00Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
    ])
    func parsesISO8601(_ text: String, _ utc: String) throws {
        let timestamp = try #require(Timestamp(iso8601: text))
        #expect(timestamp.description == utc)
    }

    @Test func parsesToTheRightInstant() {
        #expect(Timestamp(iso8601: "2024-05-10T08:00:00Z")?.secondsSinceEpoch == 1_715_328_000)
        #expect(Timestamp(iso8601: "2024-05-10T10:00:00+02:00")?.secondsSinceEpoch == 1_715_328_000)
    }

    @Test(arguments: [
        "", "garbage", "2024-05-10", "2024-05-10T08:00:00", "2024-05-10T08:00Z", "2024-05-10T24:00:00Z",
        "2024-05-10T08:60:00Z", "2024-05-10T08:00:60Z", "2024-02-30T08:00:00Z", "2024-05-10X08:00:00Z",
        "2024-05-10T08:00:00ZZ", "2024-05-10T08:00:00+0200", "2024-05-10T08:00:00+02", "2024-05-10T08-00-00Z",
        "2024-05-10T0a:00:00Z", "2024-05-10T08:00:00z", "2024-05-10T08:00:00.12aZ", "2024-05-10T08:00:00 Z",
        "2024-5-10T08:00:00Z", "1715328000", "2024-05-10T08:00:00Z ",
    ])
    func rejectsGarbage(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test(arguments: ["2024-05-10T08:00:00+99:99", "2024-05-10T08:00:00+24:00", "2024-05-10T08:00:00.Z"])
    func rejectsImpossibleOffsetsAndEmptyFractions(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test(arguments: [
        (0 as Int64, "1970-01-01"), (86_399, "1970-01-01"), (86_400, "1970-01-02"), (-1, "1969-12-31"),
        (-86_400, "1969-12-31"), (-86_401, "1969-12-30"), (1_715_385_599, "2024-05-10"), (1_715_385_600, "2024-05-11"),
    ])
    func dateIsTheUTCDay(_ seconds: Int64, _ day: String) {
        #expect(Timestamp(secondsSinceEpoch: seconds).date.description == day)
    }

    @Test func addingAndOrdering() {
        let start = Timestamp(secondsSinceEpoch: 1_715_328_000)
        #expect(start.adding(seconds: 57_600).description == "2024-05-11T00:00:00Z")
        #expect(start.adding(seconds: -1).description == "2024-05-10T07:59:59Z")
        #expect(start < start.adding(seconds: 1))
        #expect(!(start < start))
    }
}

@Suite struct ClockTests {
    @Test func fixedClockAlwaysAnswersItsInstant() throws {
        let instant = try #require(Timestamp(iso8601: "2024-05-10T08:00:00Z"))
        let clock = Clock.fixed(instant)
        #expect(clock.now() == 1_715_328_000)
        #expect(clock.now() == clock.now())
        #expect(clock.timestamp == instant)
        #expect(clock.today.description == "2024-05-10")
    }

    @Test func timestampRoundsDown() {
        #expect(Clock { 1_715_328_000.999 }.timestamp.description == "2024-05-10T08:00:00Z")
        #expect(Clock { -0.5 }.timestamp.description == "1969-12-31T23:59:59Z")
        #expect(Clock { 86_399.9 }.today.description == "1970-01-01")
    }

    @Test func systemClockIsNearFoundationsNow() {
        let difference = abs(Clock.system.now() - Date().timeIntervalSince1970)
        #expect(difference < 5)
    }
}
