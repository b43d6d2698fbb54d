import Foundation
import JobTicketCore
import JobTicketStore
import Testing

@Suite struct MigrationTests {
    @Test func migratingAnEmptyFileAppliesVersionOneThenNothing() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.path("fresh.sqlite"))
        #expect(try store.migrate(now: TestStore.now) == [1])
        #expect(try store.migrate(now: TestStore.now) == [])
        #expect(Store.latestSchemaVersion == 1)
    }

    @Test func aSecondStoreOnTheSameFileSeesTheSchemaAndData() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("shared.sqlite")
        let first = try Store(path: path)
        #expect(try first.migrate(now: TestStore.now) == [1])
        let company = try first.writeNow {
            try $0.insertCompany(name: "Acme", apiAccessEnabled: true, defaultPlanType: .splitPay,
                                 defaultContribution: Money(cents: 2900), at: TestStore.now)
        }
        let second = try Store(path: path)
        #expect(second.path == path)
        #expect(try second.migrate(now: TestStore.now) == [])
        #expect(try second.writeNow { try $0.company(id: company.id) } == company)
        // And the other way round.
        _ = try second.writeNow {
            try $0.insertCompany(name: "Beta", apiAccessEnabled: false, defaultPlanType: .fullySubsidized,
                                 defaultContribution: nil, at: TestStore.now)
        }
        #expect(try first.writeNow { try $0.company(named: "Beta") }?.id == 2)
    }

    @Test func asyncReadAndWriteSeeTheSameData() async throws {
        let db = try TestStore()
        let company = try await db.store.write {
            try $0.insertCompany(name: "Async", apiAccessEnabled: true, defaultPlanType: .splitPay, defaultContribution: nil,
                                 at: TestStore.now)
        }
        let read = try await db.store.read { try $0.company(id: company.id) }
        #expect(read == company)
    }
}

@Suite struct TransactionTests {
    struct Boom: Error {}

    @Test func aTransactionThatThrowsMidwayWritesNothing() throws {
        let db = try TestStore()
        let company = try db.company()
        #expect(throws: Boom.self) {
            try db.write { tx in
                _ = try tx.insertEmployee(makeEmployee(companyId: company.id, email: "ghost@example.com"))
                _ = try tx.insertCompany(name: "Ghost Corp", apiAccessEnabled: true, defaultPlanType: .splitPay,
                                         defaultContribution: nil, at: TestStore.now)
                throw Boom()
            }
        }
        #expect(try db.write { try $0.company(named: "Ghost Corp") } == nil)
        #expect(try db.write { try $0.employeesByEmail(companyId: company.id) }.isEmpty)
        // The connection is usable afterwards and ids were not consumed by a visible row.
        #expect(try db.company("Real Corp").name == "Real Corp")
    }

    @Test func aStoreErrorMidwayRollsBackEarlierWritesToo() throws {
        let db = try TestStore()
        let company = try db.company()
        _ = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        #expect(storeError {
            try db.write { tx in
                _ = try tx.insertEmployee(makeEmployee(companyId: company.id, email: "bernd@example.com"))
                _ = try tx.insertEmployee(makeEmployee(companyId: company.id, email: "ANNA@example.com"))
            }
        } == .conflict("an employee with this e-mail exists in the company"))
        #expect(try db.write { try $0.employeesByEmail(companyId: company.id) }.keys.sorted() == ["anna@example.com"])
    }
}
