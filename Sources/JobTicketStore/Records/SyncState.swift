import JobTicketCore

/// What a sync plans against (see `StoreTransaction.syncState`).
public struct SyncState: Sendable {
    public let linked: [LinkedEmployee]
    public let unlinkedByEmail: [String: Employee]
    public let takenEmails: [String: Int64]
}
