/// The record an applied (or replayed) HR sync leaves behind (spec §8.7).
public struct SyncRun: Sendable, Hashable {
    public enum Status: String, Sendable {
        case applied, replayed
    }

    public var integrationId: Int64
    public var syncId: String
    public var status: Status
    public var startedAt: Timestamp
    public var finishedAt: Timestamp
    public var added: Int
    public var updated: Int
    public var offboarded: Int
    public var unchanged: Int
    public var skipped: Int
    /// Hex SHA-256 of the canonicalised payload: the idempotency fingerprint.
    public var payloadSHA256: String
    /// The API key that triggered it (lowercase UUID), if any.
    public var keyId: String?

    public init(integrationId: Int64, syncId: String, status: Status, startedAt: Timestamp, finishedAt: Timestamp,
                added: Int, updated: Int, offboarded: Int, unchanged: Int, skipped: Int, payloadSHA256: String, keyId: String?) {
        self.integrationId = integrationId
        self.syncId = syncId
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.added = added
        self.updated = updated
        self.offboarded = offboarded
        self.unchanged = unchanged
        self.skipped = skipped
        self.payloadSHA256 = payloadSHA256
        self.keyId = keyId
    }
}
