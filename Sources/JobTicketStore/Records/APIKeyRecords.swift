import Foundation
import JobTicketCore

extension StoreTransaction {
    private static let keyColumns = """
        id, company_id, name, permissions, status, expires_at, environment, rate_limit, secret_sha256, sealed_secret,
        created_at, last_used_at
        """

    public func insertAPIKey(_ key: APIKey) throws {
        try connection.run("INSERT INTO api_keys (\(Self.keyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            key.idString, key.companyId, key.name, key.permissions.map(\.rawValue).sorted().joined(separator: ","),
            key.status.rawValue, key.expiresAt?.secondsSinceEpoch, key.environment.rawValue, key.rateLimit,
            key.secretSHA256, key.sealedSecret, key.createdAt.secondsSinceEpoch, key.lastUsedAt?.secondsSinceEpoch,
        ])
    }

    public func apiKey(id: UUID) throws -> APIKey? {
        try connection.row("SELECT \(Self.keyColumns) FROM api_keys WHERE id = ?", [id.uuidString.lowercased()], Self.decodeKey)
    }

    /// A company's keys, deleted ones excluded, oldest first.
    public func apiKeys(companyId: Int64) throws -> [APIKey] {
        try connection.rows("SELECT \(Self.keyColumns) FROM api_keys WHERE company_id = ? AND status <> 'deleted' ORDER BY created_at, id",
                            [companyId], Self.decodeKey)
    }

    public func setAPIKeyStatus(id: UUID, status: APIKeyStatus) throws {
        try connection.run("UPDATE api_keys SET status = ? WHERE id = ? AND status <> 'deleted'",
                           [status.rawValue, id.uuidString.lowercased()])
        guard connection.changes == 1 else { throw StoreError.notFound("API key") }
    }

    public func touchAPIKey(id: UUID, at now: Timestamp) throws {
        try connection.run("UPDATE api_keys SET last_used_at = ? WHERE id = ?", [now.secondsSinceEpoch, id.uuidString.lowercased()])
    }

    private static func decodeKey(_ row: SQLiteStatement) -> APIKey {
        APIKey(id: UUID(uuidString: row.text(0)) ?? UUID(), companyId: row.int(1), name: row.text(2),
               permissions: Set(row.text(3).split(separator: ",").compactMap { Permission(rawValue: String($0)) }),
               status: APIKeyStatus(rawValue: row.text(4)) ?? .disabled,
               expiresAt: row.optionalInt(5).map(Timestamp.init(secondsSinceEpoch:)),
               environment: DeploymentEnvironment(rawValue: row.text(6)) ?? .production,
               rateLimit: row.optionalInt(7).map { Int($0) }, secretSHA256: row.blob(8), sealedSecret: row.blob(9),
               createdAt: Timestamp(secondsSinceEpoch: row.int(10)),
               lastUsedAt: row.optionalInt(11).map(Timestamp.init(secondsSinceEpoch:)))
    }
}

extension StoreTransaction {
    /// A key with whether its company's API access is enabled: everything authentication needs, in one query.
    public func apiKeyForAuthentication(id: UUID) throws -> (key: APIKey, apiAccessEnabled: Bool)? {
        let key = try apiKey(id: id)
        guard let key, let company = try company(id: key.companyId) else { return nil }
        return (key, company.apiAccessEnabled)
    }
}
