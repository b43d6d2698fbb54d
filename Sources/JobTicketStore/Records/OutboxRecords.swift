import Foundation
import JobTicketCore

extension StoreTransaction {
    public func appendOutbox(_ event: OutboxEvent) throws {
        try connection.run("INSERT INTO outbox_events (id, company_id, type, created_at, payload) VALUES (?, ?, ?, ?, ?)",
                           [event.id.uuidString.lowercased(), event.companyId, event.type, event.createdAt.secondsSinceEpoch,
                            event.payload])
    }

    /// Outbox events of a company in the order they were written.
    public func outboxEvents(companyId: Int64) throws -> [OutboxEvent] {
        try connection.rows("SELECT id, company_id, type, created_at, payload FROM outbox_events WHERE company_id = ? ORDER BY rowid",
                            [companyId]) { row in
            OutboxEvent(id: UUID(uuidString: row.text(0)) ?? UUID(), companyId: row.int(1), type: row.text(2),
                        createdAt: Timestamp(secondsSinceEpoch: row.int(3)), payload: row.text(4))
        }
    }
}
