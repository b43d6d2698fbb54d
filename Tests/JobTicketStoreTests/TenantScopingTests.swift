import JobTicketCore
import JobTicketStore
import Testing

/// Spec §2, enforced in the store itself: each company-scoped function given another company's
/// ids finds nothing, counts nothing and changes nothing — even if a caller forgot to check
/// ownership first.
@Suite struct TenantScopingTests {
    /// One tenant's seeded rows: an employee linked to an integration that has an applied run.
    private struct Tenant {
        let companyId: Int64
        let employee: Employee
        let integration: HRIntegration
        let link: EmployeeLink
        let run: SyncRun
    }

    /// Seeds a tenant through the store API; `name` keeps e-mails, hr ids and sync ids apart.
    private static func seedTenant(_ db: TestStore, _ name: String) throws -> Tenant {
        let company = try db.company(name)
        return try db.write { tx in
            let employee = try tx.insertEmployee(makeEmployee(companyId: company.id, email: "anna@\(name).example"))
            let integration = try tx.insertHRIntegration(companyId: company.id, name: "HR \(name)", at: TestStore.now)
            let link = EmployeeLink(employeeId: employee.id, integrationId: integration.id, hrId: "hr-\(name)",
                                    lastSyncId: "sync-\(name)", lastSynced: TestStore.now)
            try tx.upsertLink(link)
            let run = SyncRun(integrationId: integration.id, syncId: "sync-\(name)", status: .applied, startedAt: TestStore.now,
                              finishedAt: TestStore.now.adding(seconds: 1), added: 1, updated: 0, offboarded: 0, unchanged: 0,
                              skipped: 0, payloadSHA256: String(repeating: "0", count: 64), keyId: nil)
            try tx.insertSyncRun(run)
            return Tenant(companyId: company.id, employee: employee, integration: integration, link: link, run: run)
        }
    }

    private static func seed() throws -> (db: TestStore, a: Tenant, b: Tenant) {
        let db = try TestStore()
        return (db, try seedTenant(db, "alpha"), try seedTenant(db, "beta"))
    }

    @Test func linksOfAnotherCompanysEmployeesAreNotFound() throws {
        let (db, a, b) = try Self.seed()
        let both = [a.employee.id, b.employee.id]
        #expect(try db.write { try $0.links(employeeIds: both, companyId: a.companyId) } == [a.employee.id: [a.link]])
        #expect(try db.write { try $0.links(employeeIds: both, companyId: b.companyId) } == [b.employee.id: [b.link]])
        #expect(try db.write { try $0.links(employeeIds: [b.employee.id], companyId: a.companyId) } == [:])
    }

    @Test func aLinkToAnotherCompanysIntegrationIsNotShown() throws {
        let (db, a, b) = try Self.seed()
        // A link that should never exist (A's employee on B's integration) stays invisible to both.
        let crossing = EmployeeLink(employeeId: a.employee.id, integrationId: b.integration.id, hrId: "crossing",
                                    lastSyncId: nil, lastSynced: nil)
        try db.write { try $0.upsertLink(crossing) }
        #expect(try db.write { try $0.links(employeeIds: [a.employee.id], companyId: a.companyId) } == [a.employee.id: [a.link]])
        #expect(try db.write { try $0.links(employeeIds: [a.employee.id], companyId: b.companyId) } == [:])
    }

    @Test func linkedEmployeeCountOfAnotherCompanysIntegrationIsZero() throws {
        let (db, a, b) = try Self.seed()
        #expect(try db.write { try $0.linkedEmployeeCount(integrationId: b.integration.id, companyId: b.companyId) } == 1)
        #expect(try db.write { try $0.linkedEmployeeCount(integrationId: b.integration.id, companyId: a.companyId) } == 0)
    }

    @Test func syncRunsOfAnotherCompanysIntegrationAreNotFound() throws {
        let (db, a, b) = try Self.seed()
        let foreign = b.integration.id
        #expect(try db.write { try $0.appliedSyncRun(integrationId: foreign, companyId: b.companyId, syncId: b.run.syncId) } == b.run)
        #expect(try db.write { try $0.appliedSyncRun(integrationId: foreign, companyId: a.companyId, syncId: b.run.syncId) } == nil)
        #expect(try db.write { try $0.lastAppliedSyncRun(integrationId: foreign, companyId: b.companyId) } == b.run)
        #expect(try db.write { try $0.lastAppliedSyncRun(integrationId: foreign, companyId: a.companyId) } == nil)

        let request = PageRequest(page: 1, perPage: 10)
        let owned = try db.write { try $0.syncRuns(integrationId: foreign, companyId: b.companyId, page: request) }
        #expect(owned.items == [b.run])
        #expect(owned.total == 1)
        let seenByA = try db.write { try $0.syncRuns(integrationId: foreign, companyId: a.companyId, page: request) }
        #expect(seenByA.items.isEmpty)
        #expect(seenByA.total == 0)
    }

    @Test func statusOfAnotherCompanysIntegrationIsNotChanged() throws {
        let (db, a, b) = try Self.seed()
        let later = TestStore.now.adding(seconds: 3600)
        #expect(storeError {
            try db.write { try $0.setHRIntegrationStatus(id: b.integration.id, companyId: a.companyId, status: .disabled, at: later) }
        } == .notFound("HR integration"))
        #expect(try db.write { try $0.hrIntegration(id: b.integration.id, companyId: b.companyId) } == b.integration)

        // The owner can change it.
        try db.write { try $0.setHRIntegrationStatus(id: b.integration.id, companyId: b.companyId, status: .disabled, at: later) }
        #expect(try db.write { try $0.hrIntegration(id: b.integration.id, companyId: b.companyId) }?.status == .disabled)
        #expect(try db.write { try $0.hrIntegration(id: a.integration.id, companyId: a.companyId) } == a.integration)
    }
}
