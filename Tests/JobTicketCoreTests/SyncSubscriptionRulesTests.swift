import JobTicketCore
import Testing

private func date(_ text: String) -> CalendarDate { SyncFixtures.date(text) }
private func absence(_ start: String, _ end: String?) -> Absence { SyncFixtures.absence(start, end) }

@Suite struct SyncSubscriptionRulesTests {
    @Test(arguments: [
        ("2024-01-31", "2023-05-01", "2024-02-01"), // Jan 31 → Feb 1
        ("2024-02-29", "2024-02-01", "2024-03-01"), // leap day
        ("2023-02-28", "2023-02-01", "2023-03-01"),
        ("2024-12-15", "2020-01-01", "2025-01-01"), // Dec → Jan
        ("2024-05-10", "2024-08-15", "2024-08-15"), // start later than next month
        ("2024-05-10", "2024-06-01", "2024-06-01"),
        ("2024-05-01", "2024-05-01", "2024-06-01"), // starting today: this month is too late
    ])
    func startAtIsTheLaterOfStartDateAndNextMonth(today: String, startDate: String, expected: String) {
        #expect(SubscriptionRules.startAt(startDate: date(startDate), today: date(today)) == date(expected))
    }

    @Test(arguments: [
        ("2024-02-10", "2024-02-29"), ("2023-02-10", "2023-02-28"), ("2024-12-31", "2024-12-31"),
        ("2024-01-31", "2024-01-31"), ("2024-04-01", "2024-04-30"), ("2100-02-01", "2100-02-28"),
    ])
    func cancellationIsTheLastDayOfTheTerminationMonth(termination: String, expected: String) {
        #expect(SubscriptionRules.cancelledAt(terminationDate: date(termination)) == date(expected))
    }

    /// (absences, today) → (pausedAt, reactivatedAt) or nil for "no pause".
    @Test(arguments: [
        ([absence("2024-02-01", "2024-02-29")], "2024-01-15", ("2024-02-01", "2024-03-01") as (String, String?)?),
        ([absence("2024-02-01", "2024-02-28")], "2024-01-15", nil), // leap year: 28th is not the end
        ([absence("2023-02-01", "2023-02-28")], "2023-01-10", ("2023-02-01", "2023-03-01")),
        ([absence("2024-01-31", "2024-03-31")], "2024-01-10", ("2024-02-01", "2024-04-01")), // Jan partial
        ([absence("2024-03-05", "2024-03-25")], "2024-01-10", nil), // partial month never pauses
        ([absence("2024-03-15", "2024-04-14")], "2024-01-10", nil), // a month long, but no whole month
        ([absence("2024-11-01", "2025-01-31")], "2024-10-01", ("2024-11-01", "2025-02-01")), // Dec → Jan
        ([absence("2024-06-15", nil)], "2024-05-10", ("2024-07-01", nil)), // open-ended
        ([absence("2024-06-01", nil)], "2024-05-10", ("2024-06-01", nil)),
        ([absence("2024-06-01", "2024-06-30"), absence("2024-07-01", "2024-07-31")], "2024-05-10",
         ("2024-06-01", "2024-08-01")), // adjacent absences form one run
        ([absence("2024-06-16", "2024-06-30"), absence("2024-06-01", "2024-06-15")], "2024-05-10",
         ("2024-06-01", "2024-07-01")), // two halves cover June together (unsorted input)
        ([absence("2024-06-01", "2024-06-30"), absence("2024-07-02", "2024-08-31")], "2024-05-10",
         ("2024-06-01", "2024-07-01")), // July not covered: two runs, the first one counts
        ([absence("2024-06-01", "2024-06-30"), absence("2024-07-02", "2024-08-31")], "2024-07-10",
         ("2024-08-01", "2024-09-01")), // June run ended before July: the next run
        ([absence("2024-02-01", "2024-02-29")], "2024-03-01", nil), // ended before the current month
        ([absence("2024-02-01", "2024-04-30")], "2024-03-15", ("2024-02-01", "2024-05-01")), // running
        ([absence("2024-02-01", "2024-04-30")], "2024-04-30", ("2024-02-01", "2024-05-01")), // last day
        ([Absence](), "2024-04-30", nil),
    ] as [([Absence], String, (String, String?)?)])
    func pauseCoversWholeMonthsOnly(absences: [Absence], today: String, expected: (String, String?)?) {
        let pause = SubscriptionRules.pause(absences: absences, today: date(today))
        #expect(pause == expected.map { SubscriptionRules.Pause(pausedAt: date($0.0), reactivatedAt: $0.1.map(date)) })
    }

    @Test func runsListEveryStretchOfWholeMonths() {
        let runs = SubscriptionRules.pausedRuns([
            absence("2024-03-10", "2024-05-31"), absence("2024-08-01", "2024-08-31"), absence("2024-09-01", "2024-09-20"),
            absence("2024-12-01", nil),
        ])
        #expect(runs == [
            .init(first: YearMonth(year: 2024, month: 4), last: YearMonth(year: 2024, month: 5)),
            .init(first: YearMonth(year: 2024, month: 8), last: YearMonth(year: 2024, month: 8)),
            .init(first: YearMonth(year: 2024, month: 12), last: nil),
        ])
    }

    @Test(arguments: [
        // (today, subscription, contract accepted) → status, nextTicketAt
        ("2024-05-10", Subscription(startAt: date("2024-01-01")), true, SubscriptionStatus.active, "2024-06-01" as String?),
        ("2024-05-10", Subscription(startAt: date("2024-06-01")), true, .pending, "2024-06-01"),
        ("2024-05-10", Subscription(startAt: date("2024-01-01")), false, .pending, nil),
        ("2024-05-10", Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-06-01"),
                                    reactivatedAt: date("2024-08-01")), true, .scheduledPause, nil),
        ("2024-06-10", Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-06-01"),
                                    reactivatedAt: date("2024-08-01")), true, .paused, nil),
        ("2024-07-31", Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-06-01"),
                                    reactivatedAt: date("2024-08-01")), true, .paused, "2024-08-01"),
        ("2024-05-31", Subscription(startAt: date("2024-01-01"), cancelledAt: date("2024-05-31")), true,
         .scheduledCancellation, nil),
        ("2024-06-01", Subscription(startAt: date("2024-01-01"), cancelledAt: date("2024-05-31")), true, .cancelled, nil),
    ] as [(String, Subscription, Bool, SubscriptionStatus, String?)])
    func viewDerivesStatusAndNextTicket(today: String, subscription: Subscription, accepted: Bool,
                                        status: SubscriptionStatus, nextTicketAt: String?) {
        let view = SubscriptionView(subscription, contractAccepted: accepted, on: date(today))
        #expect(view == SubscriptionView(status: status, startAt: subscription.startAt,
                                         nextTicketAt: nextTicketAt.map(date), pausedAt: subscription.pausedAt,
                                         cancelledAt: subscription.cancelledAt,
                                         reactivatedAt: subscription.reactivatedAt))
    }

    @Test func viewRendersThePublicShape() {
        let view = SubscriptionView(Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-06-01"),
                                                 reactivatedAt: date("2024-08-01")),
                                    contractAccepted: true, on: date("2024-05-10"))
        #expect(view.json == .object([
            ("status", .string("scheduled-pause")), ("startAt", .string("2024-01-01")), ("nextTicketAt", .null),
            ("pausedAt", .string("2024-06-01")), ("cancelledAt", .null), ("reactivatedAt", .string("2024-08-01")),
        ]))
    }
}
