/// List Employees filters (spec §7); they combine with AND. Empty sets mean "no filter".
public struct EmployeeFilter: Sendable, Hashable {
    public static let maximumIds = 100

    public var statuses: Set<SubscriptionStatus>
    public var planTypes: Set<PlanType>
    /// Exact, compared case-insensitively.
    public var email: String?
    public var ids: Set<Int64>
    public var hrIntegrationId: Int64?

    public init(statuses: Set<SubscriptionStatus> = [], planTypes: Set<PlanType> = [], email: String? = nil,
                ids: Set<Int64> = [], hrIntegrationId: Int64? = nil) {
        self.statuses = statuses
        self.planTypes = planTypes
        self.email = email
        self.ids = ids
        self.hrIntegrationId = hrIntegrationId
    }
}
