/// An employee together with their link to the integration being synced.
public struct LinkedEmployee: Sendable, Hashable {
    public var employee: Employee
    public var link: EmployeeLink
    /// Whether the last roster that contained this employee left them managed by the sync
    /// (`autoSyncEmployee` not `false`). Unmanaged employees are never offboarded.
    ///
    /// Not on `EmployeeLink` (yet), so the store passes it alongside.
    public var managed: Bool

    public init(employee: Employee, link: EmployeeLink, managed: Bool = true) {
        self.employee = employee
        self.link = link
        self.managed = managed
    }
}
