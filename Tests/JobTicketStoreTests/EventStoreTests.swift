import Foundation
import JobTicketCore
import JobTicketStore
import Testing

@Suite struct AuditAndOutboxStoreTests {
    @Test func auditEventsReadBackNewestFirst() throws {
        let db = try TestStore()
        let company = try db.company()
        let first = AuditEvent(at: TestStore.now, companyId: company.id, actor: "operator", action: "company.created", details: "{}")
        let second = AuditEvent(at: TestStore.now.adding(seconds: 5), companyId: nil, actor: "anonymous", action: "auth.failed",
                                details: #"{"reason":"unknown key"}"#)
        let third = AuditEvent(at: TestStore.now.adding(seconds: 9), companyId: company.id, actor: "api-key:abc", action: "sync",
                               details: #"{"added":3}"#)
        try db.write { tx in
            try tx.appendAudit(first)
            try tx.appendAudit(second)
            try tx.appendAudit(third)
        }
        #expect(try db.write { try $0.auditEvents(limit: 10) } == [third, second, first])
        #expect(try db.write { try $0.auditEvents(limit: 2) } == [third, second])
    }

    @Test func outboxEventsReadBackInWriteOrderPerCompany() throws {
        let db = try TestStore()
        let company = try db.company()
        let other = try db.company("Other")
        let events = [
            OutboxEvent(id: UUID(uuidString: "FFFFFFFF-0000-4000-8000-000000000001")!, companyId: company.id,
                        type: OutboxEvent.subscriptionChanged, createdAt: TestStore.now, payload: #"{"id":1}"#),
            OutboxEvent(id: UUID(uuidString: "00000000-0000-4000-8000-000000000002")!, companyId: company.id,
                        type: OutboxEvent.documentGenerated, createdAt: TestStore.now.adding(seconds: -10), payload: #"{"id":2}"#),
        ]
        let foreign = OutboxEvent(id: UUID(), companyId: other.id, type: OutboxEvent.documentGenerated, createdAt: TestStore.now,
                                  payload: "{}")
        try db.write { tx in
            try tx.appendOutbox(events[0])
            try tx.appendOutbox(foreign)
            try tx.appendOutbox(events[1])
        }
        #expect(try db.write { try $0.outboxEvents(companyId: company.id) } == events)
        #expect(try db.write { try $0.outboxEvents(companyId: other.id) } == [foreign])
    }
}

@Suite struct SyncRunStoreTests {
    static func run(_ integrationId: Int64, _ syncId: String, _ status: SyncRun.Status, added: Int = 1,
                    keyId: String? = "6f9619ff-8b86-d011-b42d-00c04fc964ff") -> SyncRun {
        SyncRun(integrationId: integrationId, syncId: syncId, status: status, startedAt: TestStore.now,
                finishedAt: TestStore.now.adding(seconds: 2), added: added, updated: 2, offboarded: 3, unchanged: 4, skipped: 5,
                payloadSHA256: String(repeating: "ab", count: 32), keyId: keyId)
    }

    @Test func syncRunsRoundTripAndAreFoundByAppliedSyncId() throws {
        let db = try TestStore()
        let company = try db.company()
        let (integration, other) = try db.write { tx in
            (try tx.insertHRIntegration(companyId: company.id, name: "One", at: TestStore.now),
             try tx.insertHRIntegration(companyId: company.id, name: "Two", at: TestStore.now))
        }
        let applied = Self.run(integration.id, "sync-1", .applied)
        let replayed = Self.run(integration.id, "sync-1", .replayed, added: 0, keyId: nil)
        let later = Self.run(integration.id, "sync-2", .applied, added: 7)
        let elsewhere = Self.run(other.id, "sync-3", .applied)
        try db.write { tx in
            for run in [applied, replayed, later, elsewhere] { try tx.insertSyncRun(run) }
        }
        #expect(try db.write { try $0.appliedSyncRun(integrationId: integration.id, companyId: company.id, syncId: "sync-1") } == applied)
        #expect(try db.write { try $0.appliedSyncRun(integrationId: integration.id, companyId: company.id, syncId: "sync-3") } == nil)
        #expect(try db.write { try $0.appliedSyncRun(integrationId: other.id, companyId: company.id, syncId: "sync-1") } == nil)
        #expect(try db.write { try $0.lastAppliedSyncRun(integrationId: integration.id, companyId: company.id) } == later)
        #expect(try db.write { try $0.lastAppliedSyncRun(integrationId: 999, companyId: company.id) } == nil)

        let all = try db.write { try $0.syncRuns(integrationId: integration.id, companyId: company.id, page: PageRequest(page: 1, perPage: 10)) }
        #expect(all.items == [later, replayed, applied])
        #expect(all.total == 3)
        let second = try db.write { try $0.syncRuns(integrationId: integration.id, companyId: company.id, page: PageRequest(page: 2, perPage: 2)) }
        #expect(second.items == [applied])
        #expect(second.total == 3)
        let past = try db.write { try $0.syncRuns(integrationId: integration.id, companyId: company.id, page: PageRequest(page: 3, perPage: 2)) }
        #expect(past.items.isEmpty)
        #expect(past.total == 3)
    }
}
