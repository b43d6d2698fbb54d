import Foundation
import JobTicketCore
import JobTicketStore
import Testing

@Suite struct APIKeyStoreTests {
    static func key(companyId: Int64, id: String = "6F9619FF-8B86-D011-B42D-00C04FC964FF", name: String = "Payroll",
                    createdAt: Timestamp = TestStore.now) -> APIKey {
        APIKey(id: UUID(uuidString: id)!, companyId: companyId, name: name,
               permissions: [.viewEmployees, .addEmployees, .viewHRIntegrations], status: .enabled,
               expiresAt: Timestamp(iso8601: "2025-01-01T00:00:00Z"), environment: .production, rateLimit: 250,
               secretSHA256: Array(0..<32), sealedSecret: [9, 8, 7, 0, 255, 1], createdAt: createdAt,
               lastUsedAt: Timestamp(iso8601: "2024-05-13T12:00:00Z"))
    }

    @Test func insertedKeyReadsBackEqual() throws {
        let db = try TestStore()
        let company = try db.company()
        let key = Self.key(companyId: company.id)
        try db.write { try $0.insertAPIKey(key) }
        #expect(try db.write { try $0.apiKey(id: key.id) } == key)
        #expect(try db.write { try $0.apiKeys(companyId: company.id) } == [key])
        #expect(try db.write { try $0.apiKey(id: UUID()) } == nil)
    }

    @Test func keyWithoutOptionalsRoundTrips() throws {
        let db = try TestStore()
        let company = try db.company()
        var key = Self.key(companyId: company.id)
        key.expiresAt = nil
        key.rateLimit = nil
        key.lastUsedAt = nil
        key.environment = .staging
        key.permissions = Set(Permission.allCases)
        try db.write { try $0.insertAPIKey(key) }
        #expect(try db.write { try $0.apiKey(id: key.id) } == key)
    }

    @Test func statusChangesAndDeletedKeysLeaveTheList() throws {
        let db = try TestStore()
        let company = try db.company()
        let first = Self.key(companyId: company.id, id: "00000000-0000-4000-8000-000000000001", name: "First")
        let second = Self.key(companyId: company.id, id: "00000000-0000-4000-8000-000000000002", name: "Second",
                              createdAt: TestStore.now.adding(seconds: 1))
        try db.write { tx in
            try tx.insertAPIKey(second)
            try tx.insertAPIKey(first)
        }
        #expect(try db.write { try $0.apiKeys(companyId: company.id) }.map(\.name) == ["First", "Second"])
        try db.write { try $0.setAPIKeyStatus(id: first.id, status: .disabled) }
        #expect(try db.write { try $0.apiKey(id: first.id) }?.status == .disabled)
        try db.write { try $0.setAPIKeyStatus(id: first.id, status: .enabled) }
        #expect(try db.write { try $0.apiKey(id: first.id) }?.status == .enabled)
        try db.write { try $0.setAPIKeyStatus(id: first.id, status: .deleted) }
        #expect(try db.write { try $0.apiKey(id: first.id) }?.status == .deleted)
        #expect(try db.write { try $0.apiKeys(companyId: company.id) }.map(\.name) == ["Second"])
    }

    @Test(arguments: APIKeyStatus.allCases)
    func deletedKeyCannotChangeStatus(_ status: APIKeyStatus) throws {
        let db = try TestStore()
        let company = try db.company()
        let key = Self.key(companyId: company.id)
        try db.write { tx in
            try tx.insertAPIKey(key)
            try tx.setAPIKeyStatus(id: key.id, status: .deleted)
        }
        #expect(storeError { try db.write { try $0.setAPIKeyStatus(id: key.id, status: status) } } == .notFound("API key"))
        #expect(try db.write { try $0.apiKey(id: key.id) }?.status == .deleted)
    }

    @Test func unknownKeyStatusChangeIsNotFound() throws {
        let db = try TestStore()
        #expect(storeError { try db.write { try $0.setAPIKeyStatus(id: UUID(), status: .disabled) } } == .notFound("API key"))
    }

    @Test func touchRecordsLastUse() throws {
        let db = try TestStore()
        let company = try db.company()
        let key = Self.key(companyId: company.id)
        try db.write { try $0.insertAPIKey(key) }
        let later = TestStore.now.adding(seconds: 90)
        try db.write { try $0.touchAPIKey(id: key.id, at: later) }
        #expect(try db.write { try $0.apiKey(id: key.id) }?.lastUsedAt == later)
    }

    @Test func keysAreListedPerCompany() throws {
        let db = try TestStore()
        let first = try db.company("First")
        let second = try db.company("Second")
        try db.write { try $0.insertAPIKey(Self.key(companyId: first.id)) }
        #expect(try db.write { try $0.apiKeys(companyId: second.id) } == [])
    }
}
