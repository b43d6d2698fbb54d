import JobTicketCore
import Testing

private typealias F = SyncFixtures
private func date(_ text: String) -> CalendarDate { F.date(text) }
private func absence(_ start: String, _ end: String?) -> Absence { F.absence(start, end) }

/// An entry for `e1` changed by `change`.
private func e1(_ change: (inout RosterEntry) -> Void = { _ in }) -> RosterEntry {
    var entry = F.entry("e1")
    change(&entry)
    return entry
}

/// Employee 1, active since 2022-04-01, in the state `e1()` describes unless `stored` says otherwise.
private func employee1(_ stored: RosterEntry = e1(), subscription: Subscription = Subscription(startAt: date("2022-04-01")),
                       plan: Plan = F.acceptedPlan) -> Employee {
    F.employee(1, stored, subscription: subscription, plan: plan)
}

/// A staying colleague (id 2, `e2`), so that offboarding one employee stays at 50 %.
private let colleague = F.employee(2, F.entry("e2"), subscription: Subscription(startAt: date("2022-04-01")))

private func syncedLink(_ employeeId: Int64, _ hrId: String, today: String) -> EmployeeLink {
    EmployeeLink(employeeId: employeeId, integrationId: F.integrationId, hrId: hrId, lastSyncId: "sync-1",
                 lastSynced: F.now(date(today)))
}

private func rejection(_ input: SyncInput) -> SyncRejection? {
    if case .failure(let rejection) = SyncPlanner.plan(input) { return rejection }
    return nil
}

@Suite struct SyncPlannerAddTests {
    @Test(arguments: [
        ("2024-01-31", "2023-05-01", "2024-02-01"),
        ("2024-02-29", "2024-02-01", "2024-03-01"),
        ("2023-02-28", "2023-02-01", "2023-03-01"),
        ("2024-12-15", "2020-01-01", "2025-01-01"),
        ("2024-05-10", "2024-08-15", "2024-08-15"),
    ])
    func addsAPendingEmployeeWithTheDefaultPlan(today: String, startDate: String, startAt: String) throws {
        let entry = F.entry("new", startDate: startDate)
        let plan = try F.plan(F.input(today: today, entries: [entry]))
        let now = F.now(date(today))
        let expected = Employee(id: 0, companyId: F.companyId, firstName: "Anna", lastName: "Müller",
                                email: "new@example.com", dateOfBirth: date("1990-04-15"), profileImage: nil,
                                startDate: date(startDate), terminationDate: nil, absences: [],
                                subscription: Subscription(startAt: date(startAt)), plan: F.defaultPlan,
                                createdAt: now, updatedAt: now)
        #expect(plan.creates == [PlannedEmployee(rosterIndex: 0, hrId: "new", employee: expected)])
        #expect(plan.links == [syncedLink(0, "new", today: today)])
        #expect(plan.updates.isEmpty)
        #expect([plan.added, plan.updated, plan.offboarded, plan.unchanged, plan.skipped] == [1, 0, 0, 0, 0])
        #expect(plan.subscriptionEvents == [.new(rosterIndex: 0)])
        #expect(plan.changes == [SyncChange(hrId: "new", employeeId: nil, action: .add)])
        #expect(expected.status(on: date(today)) == .pending)
    }

    @Test func addAppliesTerminationAndAbsences() throws {
        let entry = F.entry("new", terminationDate: "2024-08-15", absences: [absence("2024-06-01", "2024-06-30")])
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [F.entry("x"), entry]))
        let subscription = try #require(plan.creates.last).employee.subscription
        #expect(subscription == Subscription(startAt: date("2024-06-01"), pausedAt: date("2024-06-01"),
                                             reactivatedAt: date("2024-07-01"), cancelledAt: date("2024-08-31")))
        #expect(plan.subscriptionEvents == [.new(rosterIndex: 0), .new(rosterIndex: 1)])
    }
}

@Suite struct SyncPlannerUpdateTests {
    @Test func anEqualEntryOnlyTouchesTheLink() throws {
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1()], linked: [F.linked(employee1(), "e1")]))
        #expect(plan.updates.isEmpty)
        #expect(plan.creates.isEmpty)
        #expect(plan.links == [syncedLink(1, "e1", today: "2024-05-10")])
        #expect([plan.added, plan.updated, plan.offboarded, plan.unchanged, plan.skipped] == [0, 0, 0, 1, 0])
        #expect(plan.subscriptionEvents.isEmpty)
        #expect(plan.changes == [SyncChange(hrId: "e1", employeeId: 1, action: .unchanged)])
    }

    @Test(arguments: [
        (e1 { $0.firstName = "Anne" }, ["firstName"], false),
        (e1 { $0.lastName = "Meier" }, ["lastName"], false),
        (e1 { $0.email = "anne.new@example.com" }, ["email"], false),
        (e1 { $0.email = "E1@Example.COM" }, ["email"], false), // case only: kept as given, not "taken"
        (e1 { $0.dateOfBirth = nil }, ["dateOfBirth"], false),
        (e1 { $0.profileImage = "https://img.example.com/a.png" }, ["profileImage"], false),
        (e1 { $0.startDate = date("2022-04-01") }, ["startDate"], false), // started: startAt stays
        (e1 { $0.terminationDate = date("2024-08-15") }, ["terminationDate", "subscription"], true),
        (e1 { $0.absences = [absence("2024-06-03", "2024-06-30")] }, ["absences"], false), // partial month
        (e1 { $0.absences = [absence("2024-06-01", "2024-06-30")] }, ["absences", "subscription"], true),
        (e1 { $0.firstName = "Anne"; $0.absences = [absence("2024-06-01", nil)] },
         ["firstName", "absences", "subscription"], true),
    ] as [(RosterEntry, [String], Bool)])
    func changedFieldsAreReportedAndBumpUpdatedAt(entry: RosterEntry, fields: [String], subscriptionChanged: Bool) throws {
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [entry], linked: [F.linked(employee1(), "e1")]))
        let update = try #require(plan.updates.first)
        #expect(plan.updates.count == 1)
        #expect(update.employeeId == 1)
        #expect(update.changedFields == fields)
        #expect(update.subscriptionChanged == subscriptionChanged)
        #expect(update.employee.updatedAt == F.now(date("2024-05-10")))
        #expect(update.employee.createdAt == F.created)
        #expect(update.employee.email == entry.email)
        #expect(plan.subscriptionEvents == (subscriptionChanged ? [.existing(employeeId: 1)] : []))
        #expect(plan.changes == [SyncChange(hrId: "e1", employeeId: 1, action: .update, fields: fields)])
        #expect([plan.updated, plan.unchanged] == [1, 0])
    }

    /// today, terminationDate → cancelledAt, status.
    @Test(arguments: [
        ("2024-05-10", "2024-05-20", "2024-05-31", SubscriptionStatus.scheduledCancellation),
        ("2024-05-10", "2024-04-15", "2024-04-30", .cancelled), // that day has passed
        ("2024-05-10", "2024-12-31", "2024-12-31", .scheduledCancellation),
        ("2024-02-29", "2024-02-01", "2024-02-29", .scheduledCancellation), // leap year
        ("2023-02-28", "2023-02-01", "2023-02-28", .scheduledCancellation),
        ("2024-03-01", "2024-02-01", "2024-02-29", .cancelled),
    ])
    func terminationCancelsAtTheEndOfItsMonth(today: String, termination: String, cancelledAt: String,
                                              status: SubscriptionStatus) throws {
        let entry = e1 { $0.terminationDate = date(termination) }
        let plan = try F.plan(F.input(today: today, entries: [entry], linked: [F.linked(employee1(), "e1")]))
        let employee = try #require(plan.updates.first).employee
        #expect(employee.subscription == Subscription(startAt: date("2022-04-01"), cancelledAt: date(cancelledAt)))
        #expect(employee.status(on: date(today)) == status)
    }

    /// Stored termination 2024-06-15 → cancelledAt 2024-06-30 with a scheduled August pause;
    /// the entry drops the termination. (today, stored termination, stored cancelledAt) →
    /// expected cancelledAt and status.
    @Test(arguments: [
        ("2024-05-10", "2024-06-15", "2024-06-30", nil as String?, SubscriptionStatus.scheduledPause, true),
        ("2024-06-30", "2024-06-15", "2024-06-30", nil, .scheduledPause, true), // last covered day: not in effect yet
        ("2024-07-01", "2024-06-15", "2024-06-30", "2024-06-30", .cancelled, false), // in effect: stays
    ])
    func removingATermination(today: String, termination: String, storedCancelledAt: String,
                              cancelledAt: String?, status: SubscriptionStatus, event: Bool) throws {
        let august = [absence("2024-08-01", "2024-08-31")]
        let stored = e1 { $0.terminationDate = date(termination); $0.absences = august }
        let employee = employee1(stored, subscription: Subscription(
            startAt: date("2022-04-01"), pausedAt: date("2024-08-01"), reactivatedAt: date("2024-09-01"),
            cancelledAt: date(storedCancelledAt)))
        let plan = try F.plan(F.input(today: today, entries: [e1 { $0.absences = august }],
                                      linked: [F.linked(employee, "e1")]))
        let update = try #require(plan.updates.first)
        #expect(update.employee.subscription.cancelledAt == cancelledAt.map(date))
        #expect(update.employee.status(on: date(today)) == status)
        #expect(update.changedFields == (event ? ["terminationDate", "subscription"] : ["terminationDate"]))
        #expect(plan.subscriptionEvents == (event ? [.existing(employeeId: 1)] : []))
    }

    @Test func terminationInsideAnAbsence() throws {
        let entry = e1 { $0.terminationDate = date("2024-08-15"); $0.absences = [absence("2024-07-01", "2024-09-30")] }
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [entry], linked: [F.linked(employee1(), "e1")]))
        let employee = try #require(plan.updates.first).employee
        #expect(employee.subscription == Subscription(startAt: date("2022-04-01"), pausedAt: date("2024-07-01"),
                                                      reactivatedAt: date("2024-10-01"), cancelledAt: date("2024-08-31")))
        #expect(SubscriptionView(employee, on: date("2024-05-10")) == SubscriptionView(
            status: .scheduledCancellation, startAt: date("2022-04-01"), nextTicketAt: date("2024-06-01"),
            pausedAt: date("2024-07-01"), cancelledAt: date("2024-08-31"), reactivatedAt: date("2024-10-01")))
    }

    @Test func aLaterAbsenceIsPausedOnceTheFirstPauseIsOver() throws {
        let absences = [absence("2024-02-01", "2024-02-29"), absence("2024-06-01", "2024-07-31")]
        let stored = e1 { $0.absences = absences }
        let employee = employee1(stored, subscription: Subscription(
            startAt: date("2022-04-01"), pausedAt: date("2024-02-01"), reactivatedAt: date("2024-03-01")))
        let during = try F.plan(F.input(today: "2024-02-15", entries: [stored], linked: [F.linked(employee, "e1")]))
        #expect(during.unchanged == 1)
        let after = try F.plan(F.input(today: "2024-03-10", entries: [stored], linked: [F.linked(employee, "e1")]))
        let update = try #require(after.updates.first)
        #expect(update.changedFields == ["subscription"])
        #expect(update.employee.subscription == Subscription(startAt: date("2022-04-01"), pausedAt: date("2024-06-01"),
                                                             reactivatedAt: date("2024-08-01")))
        #expect(update.employee.status(on: date("2024-03-10")) == .scheduledPause)
        #expect(after.subscriptionEvents == [.existing(employeeId: 1)])
    }

    @Test func aPauseThatIsOverIsKeptAsHistory() throws {
        let stored = e1 { $0.absences = [absence("2024-02-01", "2024-02-29")] }
        let employee = employee1(stored, subscription: Subscription(
            startAt: date("2022-04-01"), pausedAt: date("2024-02-01"), reactivatedAt: date("2024-03-01")))
        let plan = try F.plan(F.input(today: "2024-03-10", entries: [stored], linked: [F.linked(employee, "e1")]))
        #expect(plan.updates.isEmpty)
        #expect(plan.unchanged == 1)
        // Removing the past absence is a field change but leaves the history alone.
        let removed = try F.plan(F.input(today: "2024-03-10", entries: [e1()], linked: [F.linked(employee, "e1")]))
        #expect(removed.updates.first?.changedFields == ["absences"])
    }

    @Test func cancellingAPlannedPauseRestoresActive() throws {
        let stored = e1 { $0.absences = [absence("2024-06-01", "2024-06-30")] }
        let employee = employee1(stored, subscription: Subscription(
            startAt: date("2022-04-01"), pausedAt: date("2024-06-01"), reactivatedAt: date("2024-07-01")))
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1()], linked: [F.linked(employee, "e1")]))
        let update = try #require(plan.updates.first)
        #expect(update.employee.subscription == Subscription(startAt: date("2022-04-01")))
        #expect(update.changedFields == ["absences", "subscription"])
        #expect(update.employee.status(on: date("2024-05-10")) == .active)
    }

    /// A subscription that has not started follows a changed startDate.
    @Test(arguments: [
        ("2024-09-15", "2024-09-15"), ("2024-03-01", "2024-06-01"), ("2024-08-01", "2024-08-01"),
    ])
    func startDateMovesAPendingStart(startDate: String, startAt: String) throws {
        let stored = e1 { $0.startDate = date("2024-08-01") }
        let employee = employee1(stored, subscription: Subscription(startAt: date("2024-08-01")), plan: F.defaultPlan)
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1 { $0.startDate = date(startDate) }],
                                      linked: [F.linked(employee, "e1")]))
        let subscription = plan.updates.first?.employee.subscription ?? employee.subscription
        #expect(subscription == Subscription(startAt: date(startAt)))
    }
}

@Suite struct SyncPlannerOffboardTests {
    /// today, stored termination/cancelledAt → terminationDate and cancelledAt after offboarding.
    @Test(arguments: [
        ("2024-02-15", nil, nil, "2024-02-15", "2024-02-29"),
        ("2023-02-15", nil, nil, "2023-02-15", "2023-02-28"),
        ("2024-12-31", nil, nil, "2024-12-31", "2024-12-31"),
        ("2024-01-31", nil, nil, "2024-01-31", "2024-01-31"),
        ("2024-05-10", "2024-09-10", "2024-09-30", "2024-09-10", "2024-05-31"), // later cancellation pulled in
        ("2024-05-10", "2024-03-10", "2024-03-31", "2024-03-10", "2024-03-31"), // earlier one kept
    ] as [(String, String?, String?, String, String)])
    func offboardsMissingEmployees(today: String, termination: String?, storedCancelledAt: String?,
                                   terminationDate: String, cancelledAt: String) throws {
        let stored = e1 { $0.terminationDate = termination.map(date) }
        let leaving = employee1(stored, subscription: Subscription(startAt: date("2022-04-01"),
                                                                   cancelledAt: storedCancelledAt.map(date)))
        let plan = try F.plan(F.input(today: today, entries: [F.entry("e2")],
                                      linked: [F.linked(leaving, "e1"), F.linked(colleague, "e2")]))
        let now = F.now(date(today))
        var expectedLink = F.link(1, "e1")
        expectedLink.offboardedAt = now
        #expect(plan.links == [syncedLink(2, "e2", today: today), expectedLink])
        #expect([plan.offboarded, plan.unchanged] == [1, 1])
        let after = plan.updates.first?.employee ?? leaving
        #expect(after.terminationDate == date(terminationDate))
        #expect(after.subscription.cancelledAt == date(cancelledAt))
        let fields = SyncPlanner.changedFields(from: leaving, to: after)
        #expect(plan.changes.last == SyncChange(hrId: "e1", employeeId: 1, action: .offboard, fields: fields))
        #expect(plan.subscriptionEvents == (fields.contains("subscription") ? [.existing(employeeId: 1)] : []))
    }

    @Test func alreadyOffboardedEmployeesAreLeftAlone() throws {
        let gone = F.linked(employee1(), "e1", offboardedAt: F.created)
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [F.entry("e2")],
                                      linked: [gone, F.linked(colleague, "e2")]))
        #expect(plan.offboarded == 0)
        #expect(plan.links == [syncedLink(2, "e2", today: "2024-05-10")])
        #expect(plan.updates.isEmpty)
    }

    /// (offboarded's stored termination, cancelledAt, entry termination, entry start) → subscription, status.
    @Test(arguments: [
        // cancellation in effect: pending again from next month
        ("2024-03-10", "2024-03-31", nil, "2022-03-01",
         Subscription(startAt: date("2024-06-01")), SubscriptionStatus.pending),
        ("2024-03-10", "2024-03-31", nil, "2024-07-15", Subscription(startAt: date("2024-07-15")), .pending),
        ("2024-03-10", "2024-03-31", "2024-09-10", "2022-03-01",
         Subscription(startAt: date("2024-06-01"), cancelledAt: date("2024-09-30")), .scheduledCancellation),
        // cancellation not in effect yet: withdrawn
        ("2024-05-10", "2024-05-31", nil, "2022-03-01", Subscription(startAt: date("2022-04-01")), .active),
        ("2024-05-10", "2024-05-31", "2024-09-10", "2022-03-01",
         Subscription(startAt: date("2022-04-01"), cancelledAt: date("2024-09-30")), .scheduledCancellation),
    ] as [(String, String, String?, String, Subscription, SubscriptionStatus)])
    func rehire(storedTermination: String, storedCancelledAt: String, termination: String?, startDate: String,
                subscription: Subscription, status: SubscriptionStatus) throws {
        let stored = e1 { $0.terminationDate = date(storedTermination) }
        let employee = employee1(stored, subscription: Subscription(startAt: date("2022-04-01"),
                                                                    cancelledAt: date(storedCancelledAt)))
        let entry = e1 { $0.terminationDate = termination.map(date); $0.startDate = date(startDate) }
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [entry],
                                      linked: [F.linked(employee, "e1", offboardedAt: F.created)]))
        let update = try #require(plan.updates.first)
        #expect(update.employee.subscription == subscription)
        #expect(update.employee.status(on: date("2024-05-10")) == status)
        #expect(plan.links == [syncedLink(1, "e1", today: "2024-05-10")]) // offboardedAt cleared
        #expect([plan.updated, plan.unchanged, plan.offboarded] == [1, 0, 0])
        #expect(plan.subscriptionEvents == [.existing(employeeId: 1)])
        #expect(plan.changes.first?.action == .rehire)
        #expect(plan.changes.first?.fields.last == "hrIntergartionLinks")
    }
}

@Suite struct SyncPlannerMatchingTests {
    @Test func linksAnUnlinkedCompanyEmployeeByEmailCaseInsensitively() throws {
        let manual = F.employee(5, e1 { $0.email = "E1@example.com" }, subscription: Subscription(startAt: date("2022-04-01")))
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1()], unlinked: [manual]))
        #expect(plan.links == [syncedLink(5, "e1", today: "2024-05-10")])
        #expect(plan.creates.isEmpty)
        #expect(plan.updates.map(\.changedFields) == [["email"]])
        #expect([plan.added, plan.updated, plan.unchanged] == [0, 1, 0])
        #expect(plan.changes == [SyncChange(hrId: "e1", employeeId: 5, action: .update,
                                            fields: ["email", "hrIntergartionLinks"])])
    }

    @Test func linkingAnEqualEmployeeCountsAsUpdated() throws {
        let manual = F.employee(5, e1(), subscription: Subscription(startAt: date("2022-04-01")))
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1()], unlinked: [manual]))
        #expect(plan.updates.isEmpty)
        #expect([plan.updated, plan.unchanged] == [1, 0])
        #expect(plan.changes == [SyncChange(hrId: "e1", employeeId: 5, action: .update, fields: ["hrIntergartionLinks"])])
    }

    @Test func hrIdWinsOverEmail() throws {
        // Entry e1 carries the e-mail of an unlinked employee 5 but is linked as employee 1.
        let manual = F.employee(5, F.entry("x", email: "shared@example.com"), subscription: Subscription(startAt: date("2022-04-01")))
        let result = SyncPlanner.plan(F.input(today: "2024-05-10", entries: [e1 { $0.email = "shared@example.com" }],
                                              linked: [F.linked(employee1(), "e1")], unlinked: [manual]))
        #expect(result == .failure(.emailTaken([RosterIssue(field: "employees[0].email", code: "email-taken",
                                                           message: "belongs to another employee of the company")])))
    }

    @Test(arguments: [
        // entries, linked ids; → fields with email-taken
        ([F.entry("e2"), e1 { $0.email = "e2@example.com" }], ["employees[1].email"]), // changed to a linked one's
        ([F.entry("e2"), F.entry("e3", email: "E1@example.com")], ["employees[1].email"]), // new under another hrId
        ([F.entry("e2"), F.entry("e3", email: "other@example.com")], ["employees[1].email"]), // another integration's
        ([e1 { $0.email = "other@example.com" }, F.entry("e2"), F.entry("e4", email: "other@example.com".uppercased())],
         ["employees[0].email", "employees[2].email"]),
    ] as [([RosterEntry], [String])])
    func emailTaken(entries: [RosterEntry], fields: [String]) {
        let input = F.input(today: "2024-05-10", entries: entries,
                            linked: [F.linked(employee1(), "e1"), F.linked(colleague, "e2")],
                            otherEmails: ["other@example.com": 9])
        #expect(rejection(input) == .emailTaken(fields.map {
            RosterIssue(field: $0, code: "email-taken", message: "belongs to another employee of the company")
        }))
    }

    @Test func emailChangeToAFreeAddressIsAnUpdate() throws {
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1 { $0.email = "free@example.com" }, F.entry("e2")],
                                      linked: [F.linked(employee1(), "e1"), F.linked(colleague, "e2")]))
        #expect(plan.updates.map(\.employee.email) == ["free@example.com"])
        #expect([plan.updated, plan.unchanged] == [1, 1])
    }
}

@Suite struct SyncPlannerAutoSyncTests {
    @Test func anUnmanagedLinkedEmployeeIsRecordedButNotChanged() throws {
        let entry = e1 { $0.firstName = "Changed"; $0.autoSyncEmployee = false }
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [entry], linked: [F.linked(employee1(), "e1")]))
        #expect(plan.updates.isEmpty)
        #expect(plan.links == [syncedLink(1, "e1", today: "2024-05-10")])
        #expect(plan.unmanagedHrIds == ["e1"])
        #expect([plan.updated, plan.unchanged, plan.skipped] == [0, 0, 1])
        #expect(plan.changes == [SyncChange(hrId: "e1", employeeId: 1, action: .skip)])
    }

    @Test(arguments: [[String: Int64](), ["new@example.com": 9]])
    func anUnmanagedNewEmployeeIsSkippedEntirely(otherEmails: [String: Int64]) throws {
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [F.entry("new", autoSync: false)],
                                      otherEmails: otherEmails))
        #expect(plan.creates.isEmpty)
        #expect(plan.links.isEmpty)
        #expect([plan.added, plan.skipped] == [0, 1])
        #expect(plan.changes == [SyncChange(hrId: "new", employeeId: nil, action: .skip)])
        #expect(plan.subscriptionEvents.isEmpty)
    }

    @Test func anUnmanagedEntryMatchingByEmailIsLinkedOnly() throws {
        let manual = F.employee(5, e1 { $0.firstName = "Old" }, subscription: Subscription(startAt: date("2022-04-01")))
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1 { $0.autoSyncEmployee = false }], unlinked: [manual]))
        #expect(plan.updates.isEmpty)
        #expect(plan.links == [syncedLink(5, "e1", today: "2024-05-10")])
        #expect(plan.unmanagedHrIds == ["e1"])
        #expect([plan.updated, plan.skipped] == [0, 1])
    }

    @Test func anUnmanagedEmployeeMissingFromTheRosterIsNotOffboarded() throws {
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [F.entry("e2")],
                                      linked: [F.linked(employee1(), "e1", managed: false), F.linked(colleague, "e2")]))
        #expect(plan.offboarded == 0)
        #expect(plan.links == [syncedLink(2, "e2", today: "2024-05-10")])
    }

    @Test func anUnmanagedReturningEmployeeGetsTheLinkBackOnly() throws {
        let employee = employee1(subscription: Subscription(startAt: date("2022-04-01"), cancelledAt: date("2024-03-31")))
        let plan = try F.plan(F.input(today: "2024-05-10", entries: [e1 { $0.autoSyncEmployee = false }],
                                      linked: [F.linked(employee, "e1", offboardedAt: F.created)]))
        #expect(plan.links == [syncedLink(1, "e1", today: "2024-05-10")])
        #expect(plan.updates.isEmpty)
        #expect(plan.skipped == 1)
    }

    @Test func trueAndNullAreManaged() throws {
        let plan = try F.plan(F.input(today: "2024-05-10",
                                      entries: [F.entry("a", autoSync: true), F.entry("b", autoSync: nil)]))
        #expect(plan.added == 2)
        #expect(plan.unmanagedHrIds.isEmpty)
    }
}

@Suite struct SyncPlannerMassOffboardingTests {
    /// (linked & active, staying in the roster, threshold %, confirmed) → offboarded count or blocked(would, linked).
    @Test(arguments: [
        (4, 2, 50, false, 2, nil as Int?),  // exactly 50 %: allowed
        (4, 1, 50, false, 0, 3),            // 75 %: blocked
        (4, 1, 50, true, 3, nil),           // confirmed
        (4, 1, 75, false, 3, nil),          // per-integration threshold
        (10, 5, 50, false, 5, nil),
        (10, 4, 50, false, 0, 6),
        (1, 0, 50, false, 0, 1),            // empty roster, someone linked
        (1, 0, 100, false, 0, 1),           // empty roster is blocked whatever the threshold
        (1, 0, 50, true, 1, nil),
        (0, 0, 50, false, 0, nil),          // empty roster, nobody linked
    ])
    func safeguard(linkedCount: Int, staying: Int, threshold: Int, confirm: Bool, offboarded: Int, blocked: Int?) {
        let linked = (0..<linkedCount).map { index in
            F.linked(F.employee(Int64(index + 1), F.entry("h\(index)"), subscription: Subscription(startAt: date("2022-04-01"))),
                     "h\(index)")
        }
        let entries = (0..<staying).map { F.entry("h\($0)") }
        let input = F.input(today: "2024-05-10", entries: entries, linked: linked, threshold: threshold, confirm: confirm)
        switch SyncPlanner.plan(input) {
        case .success(let plan):
            #expect(blocked == nil)
            #expect(plan.offboarded == offboarded)
        case .failure(let rejection):
            #expect(rejection == .massOffboardingBlocked(wouldOffboard: blocked ?? -1, linked: linkedCount))
        }
    }

    @Test func offboardedAndUnmanagedLinksCountCorrectly() {
        let a = F.linked(F.employee(1, F.entry("a"), subscription: Subscription(startAt: date("2022-04-01"))), "a")
        let b = F.linked(F.employee(2, F.entry("b"), subscription: Subscription(startAt: date("2022-04-01"))), "b")
        let c = F.linked(F.employee(3, F.entry("c"), subscription: Subscription(startAt: date("2022-04-01"))), "c")
        let gone = F.linked(F.employee(4, F.entry("d"), subscription: Subscription(startAt: date("2022-04-01"))), "d",
                            offboardedAt: F.created)
        // 2 of 3 active would go; the offboarded link does not count.
        #expect(rejection(F.input(today: "2024-05-10", entries: [F.entry("a")], linked: [a, b, c, gone]))
            == .massOffboardingBlocked(wouldOffboard: 2, linked: 3))
        // An empty roster is refused even if only unmanaged employees are linked.
        let unmanaged = LinkedEmployee(employee: a.employee, link: a.link, managed: false)
        #expect(rejection(F.input(today: "2024-05-10", entries: [], linked: [unmanaged]))
            == .massOffboardingBlocked(wouldOffboard: 0, linked: 1))
    }

    @Test func emailConflictsAreReportedBeforeTheSafeguard() {
        let input = F.input(today: "2024-05-10", entries: [F.entry("new", email: "e1@example.com")],
                            linked: [F.linked(employee1(), "e1")])
        guard case .emailTaken = rejection(input) else {
            Issue.record("expected email-taken")
            return
        }
    }
}

@Suite struct SyncPlannerIdempotencyTests {
    /// Applying a plan and planning the same roster again changes nothing.
    @Test(arguments: ["2024-01-31", "2024-02-29", "2024-12-31"])
    func replanningTheAppliedStateIsANoOp(today: String) throws {
        let entries = [
            F.entry("a", terminationDate: "2025-03-10", absences: [absence("2025-01-01", "2025-02-28")]),
            F.entry("b", absences: [absence("2024-02-15", nil)]),
            e1 { $0.firstName = "Renamed" },
            F.entry("c", startDate: "2025-06-15"),
        ]
        let first = try F.plan(F.input(today: today, entries: entries, linked: [F.linked(employee1(), "e1")]))
        var linked: [LinkedEmployee] = []
        for update in first.updates {
            linked.append(F.linked(update.employee, "e1"))
        }
        for (offset, create) in first.creates.enumerated() {
            var employee = create.employee
            employee.id = Int64(100 + offset)
            linked.append(F.linked(employee, create.hrId))
        }
        let second = try F.plan(F.input(today: today, entries: entries, linked: linked))
        #expect(second.updates.isEmpty)
        #expect(second.subscriptionEvents.isEmpty)
        #expect([second.added, second.updated, second.unchanged] == [0, 0, 4])
    }
}
