import JobTicketCore

extension StoreTransaction {
    private static let linkColumns = "employee_id, integration_id, hr_id, last_sync_id, last_synced, offboarded_at, managed"
    private static let qualifiedLinkColumns = "l.employee_id, l.integration_id, l.hr_id, l.last_sync_id, l.last_synced, l.offboarded_at, l.managed"

    /// Creates the link or replaces the one this employee has with this integration.
    public func upsertLink(_ link: EmployeeLink) throws {
        do {
            try connection.run("""
                INSERT INTO employee_links (\(Self.linkColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (integration_id, employee_id) DO UPDATE SET hr_id = excluded.hr_id,
                    last_sync_id = excluded.last_sync_id, last_synced = excluded.last_synced, offboarded_at = excluded.offboarded_at,
                    managed = excluded.managed
                """, [link.employeeId, link.integrationId, link.hrId, link.lastSyncId, link.lastSynced?.secondsSinceEpoch,
                      link.offboardedAt?.secondsSinceEpoch, link.managed])
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw StoreError.conflict("the hr id is already linked to another employee of this integration")
        }
    }

    /// The links of the given employees of the company, grouped by employee, ordered by integration id.
    /// Another company's employee ids (and links to another company's integrations) find nothing.
    public func links(employeeIds: [Int64], companyId: Int64) throws -> [Int64: [EmployeeLink]] {
        guard !employeeIds.isEmpty else { return [:] }
        var result: [Int64: [EmployeeLink]] = [:]
        for start in stride(from: 0, to: employeeIds.count, by: 500) {
            let chunk = Array(employeeIds[start..<min(start + 500, employeeIds.count)])
            let links = try connection.rows("""
                SELECT \(Self.qualifiedLinkColumns) FROM employee_links l
                JOIN employees e ON e.id = l.employee_id
                JOIN hr_integrations i ON i.id = l.integration_id
                WHERE l.employee_id IN (\(Self.placeholders(chunk.count))) AND e.company_id = ? AND i.company_id = ?
                ORDER BY l.integration_id
                """, chunk + [companyId, companyId], Self.decodeLink)
            for link in links { result[link.employeeId, default: []].append(link) }
        }
        return result
    }

    /// Every employee linked to an integration (offboarded included), with the link.
    public func linkedEmployees(integrationId: Int64, companyId: Int64) throws -> [(Employee, EmployeeLink)] {
        try connection.rows("""
            SELECT \(Self.employeeColumns), \(Self.qualifiedLinkColumns)
            FROM employee_links l JOIN employees e ON e.id = l.employee_id
            WHERE l.integration_id = ? AND e.company_id = ?
            """, [integrationId, companyId]) { row in
            (Self.decodeEmployee(row), Self.decodeLink(row, offset: 19))
        }
    }

    /// Employees linked and not offboarded (what the integration is billed for); 0 for another company's integration.
    public func linkedEmployeeCount(integrationId: Int64, companyId: Int64) throws -> Int {
        try connection.row("""
            SELECT COUNT(*) FROM employee_links l JOIN hr_integrations i ON i.id = l.integration_id
            WHERE l.integration_id = ? AND i.company_id = ? AND l.offboarded_at IS NULL
            """, [integrationId, companyId]) { Int($0.int(0)) } ?? 0
    }

    static func decodeLink(_ row: SQLiteStatement) -> EmployeeLink {
        decodeLink(row, offset: 0)
    }

    static func decodeLink(_ row: SQLiteStatement, offset: Int32) -> EmployeeLink {
        EmployeeLink(employeeId: row.int(offset), integrationId: row.int(offset + 1), hrId: row.text(offset + 2),
                     lastSyncId: row.optionalText(offset + 3),
                     lastSynced: row.optionalInt(offset + 4).map(Timestamp.init(secondsSinceEpoch:)),
                     offboardedAt: row.optionalInt(offset + 5).map(Timestamp.init(secondsSinceEpoch:)),
                     managed: row.int(offset + 6) != 0)
    }
}
