import Foundation
import JobTicketCore
import JobTicketStore
import Testing

/// `StoreTransaction.applySyncPlan` (spec §8.3–8.4): a plan is written completely or not at all,
/// new employees get their ids and links, and every subscription change leaves one outbox event.
@Suite struct SyncApplicationTests {
    struct Abort: Error {}

    @Test func linkConflictInTheMiddleRollsBackEverything() throws {
        let db = try SyncApplicationStore()
        var plan = try db.plan([
            db.entry(1, lastName: "Renamed", terminationDate: "2024-07-10"), db.entry(2), db.entry(3), db.entry(4),
        ])
        #expect(plan.creates.count == 1)
        #expect(plan.updates.map(\.employeeId) == [db.linked[0].id])
        #expect(plan.subscriptionEvents.count == 2)
        #expect(plan.links.map(\.hrId) == ["H1", "H2", "H3", "H4"])
        // The second link claims H1 for Ben although Anna holds it: the store's uniqueness rule
        // fires after the create, the update and the first link were written.
        plan.links[1].hrId = "H1"
        let before = try db.snapshot()

        #expect(throws: StoreError.self) { try db.apply(plan) }
        #expect(try db.snapshot() == before)
    }

    @Test func emailCollisionOfACreatedEmployeeRollsBackEverything() throws {
        let db = try SyncApplicationStore()
        var plan = try db.plan([db.entry(1, firstName: "Annabel"), db.entry(2), db.entry(3), db.entry(4), db.entry(5)])
        #expect(plan.creates.map(\.hrId) == ["H4", "H5"])
        #expect(plan.updates.count == 1)
        // The second new employee gets Ben's address (in another case) after the first was inserted.
        plan.creates[1].employee.email = db.linked[1].email.uppercased()
        let before = try db.snapshot()

        #expect(throws: StoreError.self) { try db.apply(plan) }
        #expect(try db.snapshot() == before)
    }

    @Test func emailCollisionOfAnUpdateRollsBackCreatesAndEarlierUpdates() throws {
        let db = try SyncApplicationStore()
        var plan = try db.plan([db.entry(1, firstName: "Annabel"), db.entry(2, firstName: "Benedikt"), db.entry(3),
                                db.entry(4)])
        #expect(plan.updates.map(\.employeeId) == [db.linked[0].id, db.linked[1].id])
        plan.updates[1].employee.email = db.linked[2].email
        let before = try db.snapshot()

        #expect(throws: StoreError.self) { try db.apply(plan) }
        #expect(try db.snapshot() == before)
    }

    @Test func failureAfterTheEventsRollsBackTheOutboxToo() throws {
        let db = try SyncApplicationStore()
        let plan = try db.plan([db.entry(1, terminationDate: "2024-06-03"), db.entry(2), db.entry(4)])
        #expect(plan.subscriptionEvents.count == 3, "a termination, a new employee and an offboarding")
        let before = try db.snapshot()

        #expect(throws: Abort.self) {
            try db.store.writeNow { transaction in
                try transaction.applySyncPlan(plan, companyId: db.company.id, at: SyncApplicationStore.now,
                                              eventPayload: SyncApplicationStore.payload, eventId: { UUID() })
                // What the caller writes after the plan (the run record) fails.
                throw Abort()
            }
        }
        #expect(try db.snapshot() == before)
    }

    @Test func successfulApplicationWritesEmployeesLinksAndOneEventPerSubscriptionChange() throws {
        let db = try SyncApplicationStore()
        let (anna, ben, cleo) = (db.linked[0], db.linked[1], db.linked[2])
        let july = Absence(startDate: CalendarDate("2024-07-01")!, endDate: CalendarDate("2024-07-31")!, type: "leave")
        let plan = try db.plan([
            db.entry(1, terminationDate: "2024-07-10"),
            db.entry(2, lastName: "Ignored", autoSync: false),
            db.entry(4),
            db.entry(5, absences: [july]),
        ])
        // Cleo (H3) is missing: offboarded.
        #expect(plan.creates.map(\.hrId) == ["H4", "H5"])
        #expect(plan.updates.map(\.employeeId) == [anna.id, cleo.id])
        #expect(plan.unmanagedHrIds == ["H2"])
        #expect(plan.subscriptionEvents == [.existing(employeeId: anna.id), .new(rosterIndex: 2), .new(rosterIndex: 3),
                                            .existing(employeeId: cleo.id)])
        let before = try db.snapshot()

        var issued: [UUID] = []
        try db.store.writeNow { transaction in
            try transaction.applySyncPlan(plan, companyId: db.company.id, at: SyncApplicationStore.now,
                                          eventPayload: SyncApplicationStore.payload, eventId: {
                                              issued.append(UUID())
                                              return issued[issued.count - 1]
                                          })
        }
        let after = try db.snapshot()

        // New employees: fresh ids, stored exactly as planned.
        let byEmail = Dictionary(uniqueKeysWithValues: after.employees.map { ($0.email, $0) })
        #expect(after.employees.count == 5)
        let created = try plan.creates.map { planned in
            let stored = try #require(byEmail[planned.employee.email])
            var expected = planned.employee
            expected.id = stored.id
            #expect(stored == expected)
            return stored
        }
        let oldIds = Set(before.employees.map(\.id))
        #expect(created.allSatisfy { $0.id > 0 && !oldIds.contains($0.id) })
        #expect(Set(created.map(\.id)).count == 2)

        // Updated employees as planned; the unmanaged one untouched.
        let byId = Dictionary(uniqueKeysWithValues: after.employees.map { ($0.id, $0) })
        for update in plan.updates {
            #expect(byId[update.employeeId] == update.employee)
        }
        #expect(byId[ben.id] == ben)

        // Links: the new employees' links carry their ids; H2 is stored as unmanaged.
        let links = try db.store.writeNow { try $0.syncState(integrationId: db.integration.id, companyId: db.company.id) }
            .linked
        let linkByHrId = Dictionary(uniqueKeysWithValues: links.map { ($0.link.hrId, $0) })
        #expect(links.count == 5)
        for (hrId, employee) in zip(["H4", "H5"], created) {
            let link = try #require(linkByHrId[hrId])
            #expect(link.link == EmployeeLink(employeeId: employee.id, integrationId: db.integration.id, hrId: hrId,
                                              lastSyncId: "sync-2", lastSynced: SyncApplicationStore.now))
            #expect(link.employee == employee)
            #expect(link.managed)
        }
        #expect(linkByHrId["H2"]?.managed == false)
        #expect(linkByHrId["H2"]?.link.lastSyncId == "sync-2")
        #expect(linkByHrId["H1"]?.managed == true)
        #expect(linkByHrId["H3"]?.link.offboardedAt == SyncApplicationStore.now)
        #expect(linkByHrId["H3"]?.link.lastSyncId == "previous")

        // One outbox event per subscription change, in plan order, with the closure's payload.
        #expect(Array(after.outbox.prefix(before.outbox.count)) == before.outbox)
        let events = Array(after.outbox.dropFirst(before.outbox.count))
        let createdByRosterIndex = Dictionary(uniqueKeysWithValues: zip(plan.creates.map(\.rosterIndex), created))
        let subjects: [Employee] = try plan.subscriptionEvents.map { subject in
            let employee: Employee? = switch subject {
            case .new(let index): createdByRosterIndex[index]
            case .existing(let id): byId[id]
            }
            return try #require(employee)
        }
        #expect(events.map(\.id) == issued)
        #expect(events == zip(issued, subjects).map { id, employee in
            OutboxEvent(id: id, companyId: db.company.id, type: OutboxEvent.subscriptionChanged,
                        createdAt: SyncApplicationStore.now, payload: SyncApplicationStore.payload(employee))
        })
    }
}

/// A migrated store in its own temporary file with a company, an HR integration and three
/// employees a previous sync linked to it (H1 Anna, H2 Ben, H3 Cleo; active subscriptions).
private final class SyncApplicationStore {
    static let now = Timestamp(iso8601: "2024-05-14T06:00:00Z")!
    static let today = CalendarDate("2024-05-14")!

    /// The tables a sync writes, as far as one company can see them.
    struct Snapshot: Equatable {
        var employees: [Employee]
        var links: [EmployeeLink]
        var outbox: [OutboxEvent]
    }

    let directory: URL
    let store: Store
    let company: Company
    let integration: HRIntegration
    let linked: [Employee]

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jobticket-sync-application-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try Store(path: directory.appendingPathComponent("store.sqlite").path)
        try store.migrate(now: Self.now)
        let names = ["Anna", "Ben", "Cleo"]
        (company, integration, linked) = try store.writeNow { transaction in
            let company = try transaction.insertCompany(name: "Sync GmbH", apiAccessEnabled: true, defaultPlanType: .splitPay,
                                                        defaultContribution: Money(cents: 2900), at: Self.now)
            let integration = try transaction.insertHRIntegration(companyId: company.id, name: "HR", at: Self.now)
            var employees: [Employee] = []
            for (index, name) in names.enumerated() {
                let entry = Self.entry(index + 1, firstName: name)
                let employee = try transaction.insertEmployee(Employee(
                    id: 0, companyId: company.id, firstName: entry.firstName, lastName: entry.lastName, email: entry.email,
                    dateOfBirth: entry.dateOfBirth, profileImage: nil, startDate: entry.startDate, terminationDate: nil,
                    absences: [], subscription: Subscription(startAt: CalendarDate("2024-01-01")!),
                    plan: Plan(type: .splitPay, contractSigningStatus: .accepted, employeeContribution: Money(cents: 2900)),
                    createdAt: Self.now.adding(seconds: -86_400), updatedAt: Self.now.adding(seconds: -86_400)))
                try transaction.upsertLink(EmployeeLink(employeeId: employee.id, integrationId: integration.id,
                                                        hrId: entry.hrId, lastSyncId: "previous",
                                                        lastSynced: Self.now.adding(seconds: -86_400)))
                employees.append(employee)
            }
            // An unrelated event already waiting for delivery.
            try transaction.appendOutbox(OutboxEvent(id: UUID(), companyId: company.id, type: OutboxEvent.documentGenerated,
                                                     createdAt: Self.now, payload: "{\"id\":1}"))
            return (company, integration, employees)
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    private static let firstNames = ["Anna", "Ben", "Cleo", "Dora", "Emil"]

    /// The roster entry of employee `n` (hrId `Hn`), equal to the stored state unless overridden.
    static func entry(_ n: Int, firstName: String? = nil, lastName: String = "Muster", terminationDate: String? = nil,
                      autoSync: Bool? = nil, absences: [Absence] = []) -> RosterEntry {
        let first = firstName ?? firstNames[n - 1]
        return RosterEntry(firstName: first, lastName: lastName,
                           email: "\(firstNames[n - 1].lowercased())@example.com", dateOfBirth: CalendarDate("1990-04-15")!,
                           hrId: "H\(n)", startDate: CalendarDate("2023-12-01")!,
                           terminationDate: terminationDate.map { CalendarDate($0)! }, autoSyncEmployee: autoSync,
                           absences: absences)
    }

    func entry(_ n: Int, firstName: String? = nil, lastName: String = "Muster", terminationDate: String? = nil,
               autoSync: Bool? = nil, absences: [Absence] = []) -> RosterEntry {
        Self.entry(n, firstName: firstName, lastName: lastName, terminationDate: terminationDate, autoSync: autoSync,
                   absences: absences)
    }

    /// Plans `entries` against the stored state, as `SyncRunner` does.
    func plan(_ entries: [RosterEntry]) throws -> SyncPlan {
        let (company, integration) = (self.company, self.integration)
        let state = try store.writeNow { try $0.syncState(integrationId: integration.id, companyId: company.id) }
        let input = SyncInput(
            integrationId: integration.id, companyId: company.id, today: Self.today, now: Self.now,
            roster: Roster(syncId: "sync-2", entries: entries), linked: state.linked,
            unlinkedByEmail: state.unlinkedByEmail, takenEmails: state.takenEmails,
            defaultPlan: Plan(type: company.defaultPlanType, contractSigningStatus: .pending,
                              employeeContribution: company.defaultContribution))
        return try SyncPlanner.plan(input).get()
    }

    func apply(_ plan: SyncPlan) throws {
        try store.writeNow { transaction in
            try transaction.applySyncPlan(plan, companyId: company.id, at: Self.now, eventPayload: Self.payload,
                                          eventId: { UUID() })
        }
    }

    /// A stand-in for the wire payload: enough to tell whose event it is and what it says.
    static func payload(_ employee: Employee) -> String {
        "{\"id\":\(employee.id),\"email\":\"\(employee.email)\",\"status\":\"\(employee.status(on: today).rawValue)\","
            + "\"cancelledAt\":\"\(employee.subscription.cancelledAt?.description ?? "-")\"}"
    }

    func snapshot() throws -> Snapshot {
        let companyId = company.id
        return try store.writeNow { transaction in
            let employees = try transaction.employeesByEmail(companyId: companyId).values.sorted { $0.id < $1.id }
            let links = try transaction.links(employeeIds: employees.map(\.id), companyId: companyId).values.flatMap { $0 }
                .sorted { ($0.employeeId, $0.integrationId) < ($1.employeeId, $1.integrationId) }
            return Snapshot(employees: employees, links: links, outbox: try transaction.outboxEvents(companyId: companyId))
        }
    }
}
