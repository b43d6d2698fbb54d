import JobTicketCore
import JobTicketStore
import Testing

@Suite struct HRIntegrationStoreTests {
    @Test func insertedIntegrationReadsBackEqual() throws {
        let db = try TestStore()
        let company = try db.company()
        let created = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "Personio", at: TestStore.now) }
        #expect(created == HRIntegration(id: 1, companyId: company.id, name: "Personio", integrationType: "api",
                                         status: .initialSyncPending, offboardingThresholdPercent: 50,
                                         createdAt: TestStore.now, updatedAt: TestStore.now))
        #expect(try db.write { try $0.hrIntegration(id: created.id, companyId: company.id) } == created)
    }

    @Test func statusUpdateChangesStatusAndUpdatedAt() throws {
        let db = try TestStore()
        let company = try db.company()
        let created = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "HR", at: TestStore.now) }
        let later = TestStore.now.adding(seconds: 3600)
        try db.write { try $0.setHRIntegrationStatus(id: created.id, companyId: company.id, status: .active, at: later) }
        var expected = created
        expected.status = .active
        expected.updatedAt = later
        #expect(try db.write { try $0.hrIntegration(id: created.id, companyId: company.id) } == expected)
        #expect(storeError { try db.write { try $0.setHRIntegrationStatus(id: 99, companyId: company.id, status: .disabled, at: later) } }
            == .notFound("HR integration"))
    }

    @Test func integrationIsScopedToItsCompany() throws {
        let db = try TestStore()
        let first = try db.company("First")
        let second = try db.company("Second")
        let integration = try db.write { try $0.insertHRIntegration(companyId: first.id, name: "HR", at: TestStore.now) }
        #expect(try db.write { try $0.hrIntegration(id: integration.id, companyId: second.id) } == nil)
        let page = try db.write {
            try $0.hrIntegrations(companyId: second.id, status: [], sorting: Sorting(field: .id, order: .asc),
                                  page: PageRequest(page: 1, perPage: 10))
        }
        #expect(page.items.isEmpty)
        #expect(page.total == 0)
    }

    @Test func listFiltersByStatusSortsAndPages() throws {
        let db = try TestStore()
        let company = try db.company()
        let (b, a, c) = try db.write { tx in
            let b = try tx.insertHRIntegration(companyId: company.id, name: "Bravo", at: TestStore.now.adding(seconds: 20))
            let a = try tx.insertHRIntegration(companyId: company.id, name: "Alpha", at: TestStore.now.adding(seconds: 30))
            let c = try tx.insertHRIntegration(companyId: company.id, name: "Charlie", at: TestStore.now.adding(seconds: 10))
            try tx.setHRIntegrationStatus(id: a.id, companyId: company.id, status: .active, at: TestStore.now)
            return (b, a, c)
        }
        func ids(_ status: Set<HRIntegrationStatus> = [], _ field: HRIntegrationSortField = .id, _ order: SortOrder = .asc,
                 page: Int = 1, perPage: Int = 10) throws -> (ids: [Int64], total: Int) {
            let page = try db.write {
                try $0.hrIntegrations(companyId: company.id, status: status, sorting: Sorting(field: field, order: order),
                                      page: PageRequest(page: page, perPage: perPage))
            }
            return (page.items.map(\.id), page.total)
        }
        #expect(try ids().ids == [b.id, a.id, c.id])
        #expect(try ids([], .id, .desc).ids == [c.id, a.id, b.id])
        #expect(try ids([], .name, .asc).ids == [a.id, b.id, c.id])
        #expect(try ids([], .name, .desc).ids == [c.id, b.id, a.id])
        #expect(try ids([], .createdAt, .asc).ids == [c.id, b.id, a.id])
        #expect(try ids([], .createdAt, .desc).ids == [a.id, b.id, c.id])
        #expect(try ids([.active]) == ([a.id], 1))
        #expect(try ids([.initialSyncPending]) == ([b.id, c.id], 2))
        #expect(try ids([.disabled]) == ([], 0))
        #expect(try ids(page: 2, perPage: 2) == ([c.id], 3))
        #expect(try ids(page: 3, perPage: 2) == ([], 3))
    }
}

@Suite struct EmployeeLinkStoreTests {
    @Test func linkRoundTripsAndUpsertReplacesIt() throws {
        let db = try TestStore()
        let company = try db.company()
        let employee = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        let integration = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "HR", at: TestStore.now) }
        let link = EmployeeLink(employeeId: employee.id, integrationId: integration.id, hrId: "emp_001", lastSyncId: "sync_1",
                                lastSynced: TestStore.now, offboardedAt: nil)
        try db.write { try $0.upsertLink(link) }
        #expect(try db.write { try $0.links(employeeIds: [employee.id], companyId: company.id) } == [employee.id: [link]])

        let replaced = EmployeeLink(employeeId: employee.id, integrationId: integration.id, hrId: "emp_001b", lastSyncId: "sync_2",
                                    lastSynced: TestStore.now.adding(seconds: 60), offboardedAt: TestStore.now.adding(seconds: 60),
                                    managed: false)
        try db.write { try $0.upsertLink(replaced) }
        #expect(try db.write { try $0.links(employeeIds: [employee.id], companyId: company.id) } == [employee.id: [replaced]])
        #expect(try db.write { try $0.links(employeeIds: [employee.id], companyId: company.id) }[employee.id]?.first?.managed == false)

        let cleared = EmployeeLink(employeeId: employee.id, integrationId: integration.id, hrId: "emp_001b", lastSyncId: nil,
                                   lastSynced: nil, offboardedAt: nil)
        try db.write { try $0.upsertLink(cleared) }
        #expect(try db.write { try $0.links(employeeIds: [employee.id], companyId: company.id) } == [employee.id: [cleared]])
    }

    @Test func linksAreGroupedByEmployeeAndOrderedByIntegration() throws {
        let db = try TestStore()
        let company = try db.company()
        let anna = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        let bernd = try db.insert(makeEmployee(companyId: company.id, email: "bernd@example.com"))
        let carl = try db.insert(makeEmployee(companyId: company.id, email: "carl@example.com"))
        let first = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "One", at: TestStore.now) }
        let second = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "Two", at: TestStore.now) }
        let annaTwo = EmployeeLink(employeeId: anna.id, integrationId: second.id, hrId: "A2", lastSyncId: nil, lastSynced: nil)
        let annaOne = EmployeeLink(employeeId: anna.id, integrationId: first.id, hrId: "A1", lastSyncId: nil, lastSynced: nil)
        let berndOne = EmployeeLink(employeeId: bernd.id, integrationId: first.id, hrId: "B1", lastSyncId: nil, lastSynced: nil)
        try db.write { tx in
            try tx.upsertLink(annaTwo)
            try tx.upsertLink(annaOne)
            try tx.upsertLink(berndOne)
        }
        #expect(try db.write { try $0.links(employeeIds: [anna.id, bernd.id, carl.id], companyId: company.id) }
            == [anna.id: [annaOne, annaTwo], bernd.id: [berndOne]])
        #expect(try db.write { try $0.links(employeeIds: [], companyId: company.id) } == [:])
    }

    @Test func hrIdIsUniquePerIntegration() throws {
        let db = try TestStore()
        let company = try db.company()
        let anna = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        let bernd = try db.insert(makeEmployee(companyId: company.id, email: "bernd@example.com"))
        let first = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "One", at: TestStore.now) }
        let second = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "Two", at: TestStore.now) }
        try db.write {
            try $0.upsertLink(EmployeeLink(employeeId: anna.id, integrationId: first.id, hrId: "H1", lastSyncId: nil, lastSynced: nil))
        }
        #expect(storeError {
            try db.write {
                try $0.upsertLink(EmployeeLink(employeeId: bernd.id, integrationId: first.id, hrId: "H1", lastSyncId: nil, lastSynced: nil))
            }
        } == .conflict("the hr id is already linked to another employee of this integration"))
        // The same hr id in another integration is fine.
        try db.write {
            try $0.upsertLink(EmployeeLink(employeeId: bernd.id, integrationId: second.id, hrId: "H1", lastSyncId: nil, lastSynced: nil))
        }
        #expect(try db.write { try $0.links(employeeIds: [bernd.id], companyId: company.id) }[bernd.id]?.map(\.integrationId) == [second.id])
    }

    @Test func linkedEmployeesAndCountExcludeOffboardedFromCountOnly() throws {
        let db = try TestStore()
        let company = try db.company()
        let other = try db.company("Other")
        let anna = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        let bernd = try db.insert(makeEmployee(companyId: company.id, email: "bernd@example.com"))
        _ = try db.insert(makeEmployee(companyId: company.id, email: "carl@example.com"))
        let integration = try db.write { try $0.insertHRIntegration(companyId: company.id, name: "HR", at: TestStore.now) }
        let annaLink = EmployeeLink(employeeId: anna.id, integrationId: integration.id, hrId: "A", lastSyncId: "s1",
                                    lastSynced: TestStore.now)
        let berndLink = EmployeeLink(employeeId: bernd.id, integrationId: integration.id, hrId: "B", lastSyncId: "s1",
                                     lastSynced: TestStore.now, offboardedAt: TestStore.now)
        try db.write { tx in
            try tx.upsertLink(annaLink)
            try tx.upsertLink(berndLink)
        }
        let linked = try db.write { try $0.linkedEmployees(integrationId: integration.id, companyId: company.id) }
            .sorted { $0.0.id < $1.0.id }
        #expect(linked.map(\.0) == [anna, bernd])
        #expect(linked.map(\.1) == [annaLink, berndLink])
        #expect(try db.write { try $0.linkedEmployees(integrationId: integration.id, companyId: other.id) }.isEmpty)
        #expect(try db.write { try $0.linkedEmployeeCount(integrationId: integration.id, companyId: company.id) } == 1)
    }
}
