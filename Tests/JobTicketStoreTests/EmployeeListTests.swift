import JobTicketCore
import JobTicketStore
import Testing

/// Subscription facts and the status they give on `TestStore.today` (2024-05-14).
struct StatusFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let subscription: Subscription
    let contract: ContractSigningStatus
    let expected: SubscriptionStatus

    var testDescription: String { name }

    static let all: [StatusFixture] = [
        StatusFixture(name: "contract pending", subscription: Subscription(startAt: date("2024-01-01")), contract: .pending,
                      expected: .pending),
        StatusFixture(name: "contract declined", subscription: Subscription(startAt: date("2024-01-01")), contract: .declined,
                      expected: .pending),
        StatusFixture(name: "starts next month", subscription: Subscription(startAt: date("2024-06-01")), contract: .accepted,
                      expected: .pending),
        StatusFixture(name: "starts tomorrow", subscription: Subscription(startAt: date("2024-05-15")), contract: .accepted,
                      expected: .pending),
        StatusFixture(name: "running", subscription: Subscription(startAt: date("2024-01-01")), contract: .accepted,
                      expected: .active),
        StatusFixture(name: "starts today", subscription: Subscription(startAt: date("2024-05-14")), contract: .accepted,
                      expected: .active),
        StatusFixture(name: "pause over", subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-02-01"),
                                                                     reactivatedAt: date("2024-04-01")),
                      contract: .accepted, expected: .active),
        StatusFixture(name: "reactivated today", subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-03-01"),
                                                                            reactivatedAt: date("2024-05-14")),
                      contract: .accepted, expected: .active),
        StatusFixture(name: "pause next month", subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-06-01"),
                                                                           reactivatedAt: date("2024-07-01")),
                      contract: .accepted, expected: .scheduledPause),
        StatusFixture(name: "paused this month", subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-05-01"),
                                                                            reactivatedAt: date("2024-07-01")),
                      contract: .accepted, expected: .paused),
        StatusFixture(name: "paused from today", subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-05-14")),
                      contract: .accepted, expected: .paused),
        StatusFixture(name: "paused open-ended", subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-04-01")),
                      contract: .accepted, expected: .paused),
        StatusFixture(name: "cancels end of month", subscription: Subscription(startAt: date("2024-01-01"), cancelledAt: date("2024-05-31")),
                      contract: .accepted, expected: .scheduledCancellation),
        StatusFixture(name: "last day today", subscription: Subscription(startAt: date("2024-01-01"), cancelledAt: date("2024-05-14")),
                      contract: .accepted, expected: .scheduledCancellation),
        StatusFixture(name: "cancellation beats pending contract",
                      subscription: Subscription(startAt: date("2024-06-01"), cancelledAt: date("2024-06-30")), contract: .pending,
                      expected: .scheduledCancellation),
        StatusFixture(name: "cancelled last month", subscription: Subscription(startAt: date("2024-01-01"), cancelledAt: date("2024-04-30")),
                      contract: .accepted, expected: .cancelled),
        StatusFixture(name: "last day yesterday", subscription: Subscription(startAt: date("2024-01-01"), cancelledAt: date("2024-05-13")),
                      contract: .accepted, expected: .cancelled),
        StatusFixture(name: "cancelled while paused",
                      subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-03-01"), cancelledAt: date("2024-03-31")),
                      contract: .accepted, expected: .cancelled),
    ]
}

@Suite struct EmployeeListTests {
    static let byId = Sorting<EmployeeSortField>(field: .id, order: .asc)
    static let everything = PageRequest(page: 1, perPage: 100)

    /// Inserts one employee per fixture; returns them in fixture order.
    static func seedStatuses(_ db: TestStore, companyId: Int64) throws -> [Employee] {
        try StatusFixture.all.enumerated().map { index, fixture in
            try db.insert(makeEmployee(companyId: companyId, email: "e\(index)@example.com", subscription: fixture.subscription,
                                       contract: fixture.contract))
        }
    }

    static func list(_ db: TestStore, companyId: Int64, filter: EmployeeFilter = EmployeeFilter(),
                     sorting: Sorting<EmployeeSortField> = byId, page: PageRequest = everything) throws -> Page<Employee> {
        try db.write { try $0.employees(companyId: companyId, filter: filter, sorting: sorting, page: page, today: TestStore.today) }
    }

    @Test(arguments: StatusFixture.all)
    func fixtureGivesItsStatusInSwift(_ fixture: StatusFixture) {
        let employee = makeEmployee(companyId: 1, email: "x@example.com", subscription: fixture.subscription, contract: fixture.contract)
        #expect(employee.status(on: TestStore.today) == fixture.expected)
    }

    @Test func fixturesCoverEveryStatus() {
        #expect(Set(StatusFixture.all.map(\.expected)) == Set(SubscriptionStatus.allCases))
    }

    @Test(arguments: SubscriptionStatus.allCases)
    func sqlStatusFilterAgreesWithDerivedStatus(_ status: SubscriptionStatus) throws {
        let db = try TestStore()
        let company = try db.company()
        let employees = try Self.seedStatuses(db, companyId: company.id)
        let expectedIds = employees.filter { $0.status(on: TestStore.today) == status }.map(\.id)
        let fixtureIds = zip(StatusFixture.all, employees).filter { $0.0.expected == status }.map { $0.1.id }
        #expect(expectedIds == fixtureIds)
        #expect(!expectedIds.isEmpty)
        let page = try Self.list(db, companyId: company.id, filter: EmployeeFilter(statuses: [status]))
        #expect(page.items.map(\.id) == expectedIds)
        #expect(page.total == expectedIds.count)
        #expect(page.items.allSatisfy { $0.status(on: TestStore.today) == status })
    }

    @Test func severalStatusesCombineWithOr() throws {
        let db = try TestStore()
        let company = try db.company()
        let employees = try Self.seedStatuses(db, companyId: company.id)
        let wanted: Set<SubscriptionStatus> = [.paused, .cancelled, .pending]
        let page = try Self.list(db, companyId: company.id, filter: EmployeeFilter(statuses: wanted))
        #expect(page.items.map(\.id) == employees.filter { wanted.contains($0.status(on: TestStore.today)) }.map(\.id))
        #expect(page.total == 10)
    }

    @Test func statusDependsOnTheGivenToday() throws {
        let db = try TestStore()
        let company = try db.company()
        let employee = try db.insert(makeEmployee(companyId: company.id, email: "a@example.com",
                                                  subscription: Subscription(startAt: date("2024-01-01"), pausedAt: date("2024-06-01"))))
        let scheduled = try db.write {
            try $0.employees(companyId: company.id, filter: EmployeeFilter(statuses: [.scheduledPause]), sorting: Self.byId,
                             page: Self.everything, today: date("2024-05-31"))
        }
        let paused = try db.write {
            try $0.employees(companyId: company.id, filter: EmployeeFilter(statuses: [.paused]), sorting: Self.byId,
                             page: Self.everything, today: date("2024-06-01"))
        }
        #expect(scheduled.items.map(\.id) == [employee.id])
        #expect(paused.items.map(\.id) == [employee.id])
    }

    @Test func filtersByPlanTypeEmailIdsAndIntegrationAndCombineWithAnd() throws {
        let db = try TestStore()
        let company = try db.company()
        let other = try db.company("Other")
        let a = try db.insert(makeEmployee(companyId: company.id, email: "Anna@Example.com", planType: .splitPay))
        let b = try db.insert(makeEmployee(companyId: company.id, email: "bernd@example.com", planType: .fullySubsidized))
        let c = try db.insert(makeEmployee(companyId: company.id, email: "carl@example.com", planType: .fullySubsidized))
        let foreign = try db.insert(makeEmployee(companyId: other.id, email: "anna@example.com", planType: .splitPay))
        let integration = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "HR", at: TestStore.now) }
        let second = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "HR 2", at: TestStore.now) }
        try db.write {
            try $0.upsertLink(EmployeeLink(employeeId: a.id, integrationId: integration.id, hrId: "H1", lastSyncId: nil, lastSynced: nil))
            try $0.upsertLink(EmployeeLink(employeeId: b.id, integrationId: integration.id, hrId: "H2", lastSyncId: nil, lastSynced: nil))
            try $0.upsertLink(EmployeeLink(employeeId: c.id, integrationId: second.id, hrId: "H1", lastSyncId: nil, lastSynced: nil))
        }
        func ids(_ filter: EmployeeFilter) throws -> [Int64] {
            try Self.list(db, companyId: company.id, filter: filter).items.map(\.id)
        }
        #expect(try ids(EmployeeFilter()) == [a.id, b.id, c.id])
        #expect(try ids(EmployeeFilter(planTypes: [.fullySubsidized])) == [b.id, c.id])
        #expect(try ids(EmployeeFilter(planTypes: [.splitPay])) == [a.id])
        #expect(try ids(EmployeeFilter(planTypes: [.splitPay, .fullySubsidized])) == [a.id, b.id, c.id])
        #expect(try ids(EmployeeFilter(email: "ANNA@example.COM")) == [a.id])
        #expect(try ids(EmployeeFilter(email: "anna@example")) == [])
        #expect(try ids(EmployeeFilter(ids: [c.id, a.id, 999])) == [a.id, c.id])
        #expect(try ids(EmployeeFilter(ids: [foreign.id])) == [])
        #expect(try ids(EmployeeFilter(hrIntegrationId: integration.id)) == [a.id, b.id])
        #expect(try ids(EmployeeFilter(hrIntegrationId: second.id)) == [c.id])
        #expect(try ids(EmployeeFilter(hrIntegrationId: 999)) == [])
        #expect(try ids(EmployeeFilter(planTypes: [.fullySubsidized], hrIntegrationId: integration.id)) == [b.id])
        #expect(try ids(EmployeeFilter(planTypes: [.fullySubsidized], ids: [a.id, b.id])) == [b.id])
        #expect(try ids(EmployeeFilter(planTypes: [.splitPay], email: "bernd@example.com")) == [])
    }

    /// Four employees whose every sort order differs from id order (ids 1…4).
    static func seedSortable(_ db: TestStore, companyId: Int64) throws {
        _ = try db.insert(makeEmployee(companyId: companyId, email: "b@x.example", firstName: "Carl", lastName: "Berg",
                                       dateOfBirth: date("1990-01-01")))
        _ = try db.insert(makeEmployee(companyId: companyId, email: "D@x.example", firstName: "Anna", lastName: "Adler",
                                       dateOfBirth: date("1985-05-05")))
        _ = try db.insert(makeEmployee(companyId: companyId, email: "a@x.example", firstName: "Bernd", lastName: "Berg",
                                       dateOfBirth: nil))
        _ = try db.insert(makeEmployee(companyId: companyId, email: "c@x.example", firstName: "Anna", lastName: "Cole",
                                       dateOfBirth: date("1990-01-01")))
    }

    struct SortCase: Sendable, CustomTestStringConvertible {
        let field: EmployeeSortField
        let order: SortOrder
        let ids: [Int64]
        var testDescription: String { "\(field.rawValue) \(order.rawValue)" }
    }

    static let sortCases: [SortCase] = [
        SortCase(field: .id, order: .asc, ids: [1, 2, 3, 4]),
        SortCase(field: .id, order: .desc, ids: [4, 3, 2, 1]),
        SortCase(field: .firstName, order: .asc, ids: [2, 4, 3, 1]),
        SortCase(field: .firstName, order: .desc, ids: [1, 3, 4, 2]),
        SortCase(field: .lastName, order: .asc, ids: [2, 1, 3, 4]),
        SortCase(field: .lastName, order: .desc, ids: [4, 3, 1, 2]),
        // Case-insensitive: "D@x" sorts after "c@x".
        SortCase(field: .email, order: .asc, ids: [3, 1, 4, 2]),
        SortCase(field: .email, order: .desc, ids: [2, 4, 1, 3]),
        // SQLite puts a missing date of birth first in ascending order.
        SortCase(field: .dateOfBirth, order: .asc, ids: [3, 2, 1, 4]),
        SortCase(field: .dateOfBirth, order: .desc, ids: [4, 1, 2, 3]),
    ]

    @Test(arguments: sortCases)
    func sortsByFieldWithIdTieBreak(_ sortCase: SortCase) throws {
        let db = try TestStore()
        let company = try db.company()
        try Self.seedSortable(db, companyId: company.id)
        let page = try Self.list(db, companyId: company.id, sorting: Sorting(field: sortCase.field, order: sortCase.order))
        #expect(page.items.map(\.id) == sortCase.ids)
        // Paging through two at a time gives the same order.
        let first = try Self.list(db, companyId: company.id, sorting: Sorting(field: sortCase.field, order: sortCase.order),
                                  page: PageRequest(page: 1, perPage: 2))
        let second = try Self.list(db, companyId: company.id, sorting: Sorting(field: sortCase.field, order: sortCase.order),
                                   page: PageRequest(page: 2, perPage: 2))
        #expect((first.items + second.items).map(\.id) == sortCase.ids)
    }

    @Test func paginationReportsTotalsAndAPagePastTheEndIsEmpty() throws {
        let db = try TestStore()
        let company = try db.company()
        let other = try db.company("Other")
        for index in 0..<7 {
            _ = try db.insert(makeEmployee(companyId: company.id, email: "p\(index)@example.com"))
        }
        _ = try db.insert(makeEmployee(companyId: other.id, email: "p0@example.com"))
        let page1 = try Self.list(db, companyId: company.id, page: PageRequest(page: 1, perPage: 3))
        let page3 = try Self.list(db, companyId: company.id, page: PageRequest(page: 3, perPage: 3))
        let page4 = try Self.list(db, companyId: company.id, page: PageRequest(page: 4, perPage: 3))
        #expect(page1.items.map(\.id) == [1, 2, 3])
        #expect(page1.total == 7)
        #expect(page1.totalPages == 3)
        #expect(page3.items.map(\.id) == [7])
        #expect(page3.total == 7)
        #expect(page4.items.isEmpty)
        #expect(page4.total == 7)
        #expect(page4.totalPages == 3)
        let filteredPastEnd = try Self.list(db, companyId: company.id, filter: EmployeeFilter(ids: [2, 5]),
                                            page: PageRequest(page: 2, perPage: 2))
        #expect(filteredPastEnd.items.isEmpty)
        #expect(filteredPastEnd.total == 2)
    }

    @Test func emptyCompanyHasNoEmployees() throws {
        let db = try TestStore()
        let company = try db.company()
        let page = try Self.list(db, companyId: company.id)
        #expect(page.items.isEmpty)
        #expect(page.total == 0)
        #expect(page.totalPages == 0)
    }
}
