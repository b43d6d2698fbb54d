/// An existing employee a sync rewrites: the complete new record and what changed.
public struct PlannedUpdate: Sendable, Hashable {
    public var employeeId: Int64
    public var employee: Employee
    /// Public field names, in a fixed order: `firstName`, `lastName`, `email`, `dateOfBirth`,
    /// `profileImage`, `startDate`, `terminationDate`, `absences`, `subscription`.
    public var changedFields: [String]
    /// Whether the public subscription view (`SubscriptionView`) differs today.
    public var subscriptionChanged: Bool

    public init(employeeId: Int64, employee: Employee, changedFields: [String], subscriptionChanged: Bool) {
        self.employeeId = employeeId
        self.employee = employee
        self.changedFields = changedFields
        self.subscriptionChanged = subscriptionChanged
    }
}
