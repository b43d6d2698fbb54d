import JobTicketCore

extension StoreTransaction {
    private static let runColumns = """
        integration_id, sync_id, status, started_at, finished_at, added, updated, offboarded, unchanged, skipped, payload_sha256, key_id
        """
    private static let qualifiedRunColumns = """
        r.integration_id, r.sync_id, r.status, r.started_at, r.finished_at, r.added, r.updated, r.offboarded, r.unchanged,
        r.skipped, r.payload_sha256, r.key_id
        """
    /// Runs joined to their integration, whose `company_id` scopes every read.
    private static let runsOfCompany = "sync_runs r JOIN hr_integrations i ON i.id = r.integration_id"

    public func insertSyncRun(_ run: SyncRun) throws {
        try connection.run("INSERT INTO sync_runs (\(Self.runColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            run.integrationId, run.syncId, run.status.rawValue, run.startedAt.secondsSinceEpoch, run.finishedAt.secondsSinceEpoch,
            run.added, run.updated, run.offboarded, run.unchanged, run.skipped, run.payloadSHA256, run.keyId,
        ])
    }

    /// The run that first applied `syncId` on the company's integration, if any.
    public func appliedSyncRun(integrationId: Int64, companyId: Int64, syncId: String) throws -> SyncRun? {
        try connection.row("""
            SELECT \(Self.qualifiedRunColumns) FROM \(Self.runsOfCompany)
            WHERE r.integration_id = ? AND i.company_id = ? AND r.sync_id = ? AND r.status = 'applied'
            """, [integrationId, companyId, syncId], Self.decodeRun)
    }

    /// The newest applied run of the company's integration.
    public func lastAppliedSyncRun(integrationId: Int64, companyId: Int64) throws -> SyncRun? {
        try connection.row("""
            SELECT \(Self.qualifiedRunColumns) FROM \(Self.runsOfCompany)
            WHERE r.integration_id = ? AND i.company_id = ? AND r.status = 'applied' ORDER BY r.id DESC LIMIT 1
            """, [integrationId, companyId], Self.decodeRun)
    }

    /// Every run of the company's integration, newest first (none for another company's integration).
    public func syncRuns(integrationId: Int64, companyId: Int64, page: PageRequest) throws -> Page<SyncRun> {
        try self.page(Self.qualifiedRunColumns, from: Self.runsOfCompany, where: "r.integration_id = ? AND i.company_id = ?",
                      [integrationId, companyId], orderBy: "r.id DESC", page: page, decode: Self.decodeRun)
    }

    private static func decodeRun(_ row: SQLiteStatement) -> SyncRun {
        SyncRun(integrationId: row.int(0), syncId: row.text(1), status: SyncRun.Status(rawValue: row.text(2)) ?? .applied,
                startedAt: Timestamp(secondsSinceEpoch: row.int(3)), finishedAt: Timestamp(secondsSinceEpoch: row.int(4)),
                added: Int(row.int(5)), updated: Int(row.int(6)), offboarded: Int(row.int(7)), unchanged: Int(row.int(8)),
                skipped: Int(row.int(9)), payloadSHA256: row.text(10), keyId: row.optionalText(11))
    }
}
