import JobTicketCore

extension StoreTransaction {
    private static let runColumns = """
        integration_id, sync_id, status, started_at, finished_at, added, updated, offboarded, unchanged, skipped, payload_sha256, key_id
        """

    public func insertSyncRun(_ run: SyncRun) throws {
        try connection.run("INSERT INTO sync_runs (\(Self.runColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            run.integrationId, run.syncId, run.status.rawValue, run.startedAt.secondsSinceEpoch, run.finishedAt.secondsSinceEpoch,
            run.added, run.updated, run.offboarded, run.unchanged, run.skipped, run.payloadSHA256, run.keyId,
        ])
    }

    /// The run that first applied `syncId` on the integration, if any.
    public func appliedSyncRun(integrationId: Int64, syncId: String) throws -> SyncRun? {
        try connection.row("""
            SELECT \(Self.runColumns) FROM sync_runs WHERE integration_id = ? AND sync_id = ? AND status = 'applied'
            """, [integrationId, syncId], Self.decodeRun)
    }

    /// The newest applied run of an integration.
    public func lastAppliedSyncRun(integrationId: Int64) throws -> SyncRun? {
        try connection.row("""
            SELECT \(Self.runColumns) FROM sync_runs WHERE integration_id = ? AND status = 'applied' ORDER BY id DESC LIMIT 1
            """, [integrationId], Self.decodeRun)
    }

    /// Every run of an integration, newest first.
    public func syncRuns(integrationId: Int64, page: PageRequest) throws -> Page<SyncRun> {
        try self.page(Self.runColumns, from: "sync_runs", where: "integration_id = ?", [integrationId], orderBy: "id DESC",
                      page: page, decode: Self.decodeRun)
    }

    private static func decodeRun(_ row: SQLiteStatement) -> SyncRun {
        SyncRun(integrationId: row.int(0), syncId: row.text(1), status: SyncRun.Status(rawValue: row.text(2)) ?? .applied,
                startedAt: Timestamp(secondsSinceEpoch: row.int(3)), finishedAt: Timestamp(secondsSinceEpoch: row.int(4)),
                added: Int(row.int(5)), updated: Int(row.int(6)), offboarded: Int(row.int(7)), unchanged: Int(row.int(8)),
                skipped: Int(row.int(9)), payloadSHA256: row.text(10), keyId: row.optionalText(11))
    }
}
