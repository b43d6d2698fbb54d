import JobTicketCore

extension StoreTransaction {
    private static let integrationColumns = "id, company_id, name, integration_type, status, offboarding_threshold, created_at, updated_at"

    public func insertHRIntegration(companyId: Int64, name: String, at now: Timestamp) throws -> HRIntegration {
        try connection.run("""
            INSERT INTO hr_integrations (company_id, name, integration_type, status, offboarding_threshold, created_at, updated_at)
            VALUES (?, ?, 'api', ?, 50, ?, ?)
            """, [companyId, name, HRIntegrationStatus.initialSyncPending.rawValue, now.secondsSinceEpoch, now.secondsSinceEpoch])
        return HRIntegration(id: connection.lastInsertRowId, companyId: companyId, name: name,
                             status: .initialSyncPending, createdAt: now, updatedAt: now)
    }

    public func hrIntegration(id: Int64, companyId: Int64) throws -> HRIntegration? {
        try connection.row("SELECT \(Self.integrationColumns) FROM hr_integrations WHERE id = ? AND company_id = ?",
                           [id, companyId], Self.decodeIntegration)
    }

    public func hrIntegrations(companyId: Int64, status: Set<HRIntegrationStatus>, sorting: Sorting<HRIntegrationSortField>,
                               page: PageRequest) throws -> Page<HRIntegration> {
        var whereClause = "company_id = ?"
        var values: [any SQLiteBindable] = [companyId]
        if !status.isEmpty {
            whereClause += " AND status IN (\(Self.placeholders(status.count)))"
            values += status.map(\.rawValue).sorted()
        }
        let column = switch sorting.field {
        case .id: "id"
        case .name: "name"
        case .createdAt: "created_at"
        }
        return try self.page(Self.integrationColumns, from: "hr_integrations", where: whereClause, values,
                             orderBy: Self.order(column, sorting.order), page: page, decode: Self.decodeIntegration)
    }

    /// Sets the status of the company's integration; another company's id changes nothing and is not found.
    public func setHRIntegrationStatus(id: Int64, companyId: Int64, status: HRIntegrationStatus, at now: Timestamp) throws {
        try connection.run("UPDATE hr_integrations SET status = ?, updated_at = ? WHERE id = ? AND company_id = ?",
                           [status.rawValue, now.secondsSinceEpoch, id, companyId])
        guard connection.changes == 1 else { throw StoreError.notFound("HR integration") }
    }

    private static func decodeIntegration(_ row: SQLiteStatement) -> HRIntegration {
        HRIntegration(id: row.int(0), companyId: row.int(1), name: row.text(2), integrationType: row.text(3),
                      status: HRIntegrationStatus(rawValue: row.text(4)) ?? .disabled, offboardingThresholdPercent: Int(row.int(5)),
                      createdAt: Timestamp(secondsSinceEpoch: row.int(6)), updatedAt: Timestamp(secondsSinceEpoch: row.int(7)))
    }
}

extension StoreTransaction {
    /// An integration by id alone, for operator commands (the API always scopes by company).
    public func hrIntegration(id: Int64) throws -> HRIntegration? {
        guard let companyId = try connection.row("SELECT company_id FROM hr_integrations WHERE id = ?", [id], { $0.int(0) }) else {
            return nil
        }
        return try hrIntegration(id: id, companyId: companyId)
    }

    /// Sets the mass-offboarding threshold by integration id alone, for the operator command.
    public func setOffboardingThreshold(integrationId: Int64, percent: Int, at now: Timestamp) throws {
        try connection.run("UPDATE hr_integrations SET offboarding_threshold = ?, updated_at = ? WHERE id = ?",
                           [percent, now.secondsSinceEpoch, integrationId])
        guard connection.changes == 1 else { throw StoreError.notFound("HR integration") }
    }
}
