/// An employer. API access is off until the operator switches it on.
public struct Company: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var apiAccessEnabled: Bool
    /// The plan new employees get when a sync adds them.
    public var defaultPlanType: PlanType
    public var defaultContribution: Money?
    public var createdAt: Timestamp

    public init(id: Int64, name: String, apiAccessEnabled: Bool, defaultPlanType: PlanType,
                defaultContribution: Money?, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.apiAccessEnabled = apiAccessEnabled
        self.defaultPlanType = defaultPlanType
        self.defaultContribution = defaultContribution
        self.createdAt = createdAt
    }
}
