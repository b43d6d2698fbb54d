/// An employee as known to one HR integration: the HR system's id for them and the last sync.
public struct EmployeeLink: Sendable, Hashable {
    public var employeeId: Int64
    public var integrationId: Int64
    public var hrId: String
    public var lastSyncId: String?
    public var lastSynced: Timestamp?
    /// Set when a sync's roster no longer contained the employee.
    public var offboardedAt: Timestamp?
    /// `false` when the last roster said `autoSyncEmployee: false`: the sync records the entry
    /// but never changes or offboards the employee.
    public var managed: Bool

    public init(employeeId: Int64, integrationId: Int64, hrId: String, lastSyncId: String?, lastSynced: Timestamp?,
                offboardedAt: Timestamp? = nil, managed: Bool = true) {
        self.employeeId = employeeId
        self.integrationId = integrationId
        self.hrId = hrId
        self.lastSyncId = lastSyncId
        self.lastSynced = lastSynced
        self.offboardedAt = offboardedAt
        self.managed = managed
    }
}
