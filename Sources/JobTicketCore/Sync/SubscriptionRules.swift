/// The calendar rules that turn roster facts into subscription facts (spec §8.3). Pure
/// functions of their arguments, so each rule can be tested on its own.
public enum SubscriptionRules {
    /// A pause: first paused day and the day service resumes (`nil`: open-ended).
    public struct Pause: Sendable, Hashable {
        public var pausedAt: CalendarDate
        public var reactivatedAt: CalendarDate?

        public init(pausedAt: CalendarDate, reactivatedAt: CalendarDate?) {
            self.pausedAt = pausedAt
            self.reactivatedAt = reactivatedAt
        }
    }

    /// Consecutive calendar months `first...last` (`last == nil`: open-ended).
    public struct MonthRun: Sendable, Hashable {
        public var first: YearMonth
        public var last: YearMonth?

        public init(first: YearMonth, last: YearMonth?) {
            self.first = first
            self.last = last
        }
    }

    /// A new or restarted subscription starts on the later of the employment start and the
    /// first day of next month: the current month's ticket can no longer be ordered.
    public static func startAt(startDate: CalendarDate, today: CalendarDate) -> CalendarDate {
        max(startDate, today.yearMonth.next.firstDay)
    }

    /// Coverage ends on the last day of the termination month (tickets are monthly).
    public static func cancelledAt(terminationDate: CalendarDate) -> CalendarDate {
        terminationDate.yearMonth.lastDay
    }

    /// The maximal runs of consecutive months completely covered by absences, in order
    /// (`last == nil`: open-ended).
    ///
    /// Absences that touch day-to-day (one ends on the 30th, the next starts on the 31st) are
    /// merged first, so a month covered by two absences together counts as covered, and two
    /// absences ending 06-30 and starting 07-01 form one run. The employee is away the whole
    /// month either way, and no ticket should be issued for it.
    public static func pausedRuns(_ absences: [Absence]) -> [MonthRun] {
        var periods: [(start: CalendarDate, end: CalendarDate?)] = []
        for absence in absences.sorted(by: { $0.startDate < $1.startDate }) {
            if let previous = periods.last, let previousEnd = previous.end,
               absence.startDate <= previousEnd.adding(days: 1) {
                let end = absence.endDate.map { max($0, previousEnd) }
                periods[periods.count - 1].end = end
            } else if let previous = periods.last, previous.end == nil {
                continue // swallowed by an open-ended period
            } else {
                periods.append((absence.startDate, absence.endDate))
            }
        }
        var runs: [MonthRun] = []
        for period in periods {
            let startMonth = period.start.yearMonth
            let first = period.start == startMonth.firstDay ? startMonth : startMonth.next
            var last: YearMonth?
            if let end = period.end {
                let endMonth = end.yearMonth
                let lastMonth = end == endMonth.lastDay ? endMonth : endMonth.adding(months: -1)
                guard first <= lastMonth else { continue }
                last = lastMonth
            }
            // Periods are merged, so runs cannot be adjacent except through a partial month,
            // which breaks the run.
            runs.append(MonthRun(first: first, last: last))
        }
        return runs
    }

    /// The pause in force: the first run of fully absent months that has not ended before the
    /// current month. `nil` if there is none.
    public static func pause(absences: [Absence], today: CalendarDate) -> Pause? {
        let current = today.yearMonth
        guard let run = pausedRuns(absences).first(where: { run in run.last.map { $0 >= current } ?? true })
        else { return nil }
        return Pause(pausedAt: run.first.firstDay, reactivatedAt: run.last?.next.firstDay)
    }
}
