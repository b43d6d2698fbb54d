/// What applying a roster does, computed without touching storage. The store writes it in
/// one transaction; a dry run renders `counts` and `changes`.
public struct SyncPlan: Sendable, Hashable {
    public var syncId: String
    public var creates: [PlannedEmployee]
    /// Existing employees whose record changes (incl. offboarded and re-hired ones). Employees
    /// that are only linked or only have their link touched are not here.
    public var updates: [PlannedUpdate]
    /// Links to upsert: one per roster entry that matched or created an employee, and one per
    /// employee offboarded now. Links of created employees carry `employeeId` 0; the store
    /// substitutes the new id (match by `hrId`).
    public var links: [EmployeeLink]
    /// hrIds of `links` whose entry had `autoSyncEmployee: false`; the store remembers them so
    /// that those employees are not offboarded when they later disappear (see `LinkedEmployee.managed`).
    public var unmanagedHrIds: Set<String>
    public var added: Int
    /// Managed employees changed, re-hired, or newly linked by e-mail (even with equal fields:
    /// linking is a change of the record as clients see it, `hrIntergartionLinks`).
    public var updated: Int
    public var offboarded: Int
    public var unchanged: Int
    /// Entries with `autoSyncEmployee: false`.
    public var skipped: Int
    public var subscriptionEvents: [SubscriptionEventSubject]
    /// Roster order, then offboarded employees in `SyncInput.linked` order.
    public var changes: [SyncChange]

    public init(syncId: String, creates: [PlannedEmployee] = [], updates: [PlannedUpdate] = [],
                links: [EmployeeLink] = [], unmanagedHrIds: Set<String> = [], added: Int = 0, updated: Int = 0,
                offboarded: Int = 0, unchanged: Int = 0, skipped: Int = 0,
                subscriptionEvents: [SubscriptionEventSubject] = [], changes: [SyncChange] = []) {
        self.syncId = syncId
        self.creates = creates
        self.updates = updates
        self.links = links
        self.unmanagedHrIds = unmanagedHrIds
        self.added = added
        self.updated = updated
        self.offboarded = offboarded
        self.unchanged = unchanged
        self.skipped = skipped
        self.subscriptionEvents = subscriptionEvents
        self.changes = changes
    }
}
