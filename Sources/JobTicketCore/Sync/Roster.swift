/// A validated sync request body: the complete current roster of one HR integration.
public struct Roster: Sendable, Hashable {
    /// The client's idempotency key for this sync (spec §8.4).
    public var syncId: String
    public var entries: [RosterEntry]

    public init(syncId: String, entries: [RosterEntry]) {
        self.syncId = syncId
        self.entries = entries
    }
}
