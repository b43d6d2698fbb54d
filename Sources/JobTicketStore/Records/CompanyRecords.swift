import JobTicketCore

extension StoreTransaction {
    private static let companyColumns = "id, name, api_access_enabled, default_plan_type, default_contribution_cents, created_at"

    public func insertCompany(name: String, apiAccessEnabled: Bool, defaultPlanType: PlanType,
                              defaultContribution: Money?, at now: Timestamp) throws -> Company {
        do {
            try connection.run("""
                INSERT INTO companies (name, api_access_enabled, default_plan_type, default_contribution_cents, created_at)
                VALUES (?, ?, ?, ?, ?)
                """, [name, apiAccessEnabled, defaultPlanType.rawValue, defaultContribution?.cents, now.secondsSinceEpoch])
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw StoreError.conflict("a company with this name exists")
        }
        return Company(id: connection.lastInsertRowId, name: name, apiAccessEnabled: apiAccessEnabled,
                       defaultPlanType: defaultPlanType, defaultContribution: defaultContribution, createdAt: now)
    }

    public func company(id: Int64) throws -> Company? {
        try connection.row("SELECT \(Self.companyColumns) FROM companies WHERE id = ?", [id], Self.decodeCompany)
    }

    public func company(named name: String) throws -> Company? {
        try connection.row("SELECT \(Self.companyColumns) FROM companies WHERE name = ?", [name], Self.decodeCompany)
    }

    public func setAPIAccess(companyId: Int64, enabled: Bool) throws {
        try connection.run("UPDATE companies SET api_access_enabled = ? WHERE id = ?", [enabled, companyId])
        guard connection.changes == 1 else { throw StoreError.notFound("company") }
    }

    private static func decodeCompany(_ row: SQLiteStatement) -> Company {
        Company(id: row.int(0), name: row.text(1), apiAccessEnabled: row.int(2) != 0,
                defaultPlanType: PlanType(rawValue: row.text(3)) ?? .fullySubsidized,
                defaultContribution: row.optionalInt(4).map { Money(cents: Int($0)) },
                createdAt: Timestamp(secondsSinceEpoch: row.int(5)))
    }
}
