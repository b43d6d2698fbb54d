import JobTicketCore

extension StoreTransaction {
    public func appendAudit(_ event: AuditEvent) throws {
        try connection.run("INSERT INTO audit_events (at, company_id, actor, action, details) VALUES (?, ?, ?, ?, ?)",
                           [event.at.secondsSinceEpoch, event.companyId, event.actor, event.action, event.details])
    }

    /// The newest audit events first.
    public func auditEvents(limit: Int) throws -> [AuditEvent] {
        try connection.rows("SELECT at, company_id, actor, action, details FROM audit_events ORDER BY id DESC LIMIT ?", [limit]) { row in
            AuditEvent(at: Timestamp(secondsSinceEpoch: row.int(0)), companyId: row.optionalInt(1), actor: row.text(2),
                       action: row.text(3), details: row.text(4))
        }
    }
}
