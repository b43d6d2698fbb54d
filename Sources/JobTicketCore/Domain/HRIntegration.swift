/// A connection between a company's HR system and JobTicket, through which rosters are synced.
public struct HRIntegration: Sendable, Hashable {
    public static let defaultName = "JobTicket+ API Integration"

    public var id: Int64
    public var companyId: Int64
    public var name: String
    /// Only `api` exists today.
    public var integrationType: String
    public var status: HRIntegrationStatus
    /// A sync that would offboard more than this share (percent) of linked employees is refused.
    public var offboardingThresholdPercent: Int
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(id: Int64, companyId: Int64, name: String, integrationType: String = "api",
                status: HRIntegrationStatus, offboardingThresholdPercent: Int = 50, createdAt: Timestamp, updatedAt: Timestamp) {
        self.id = id
        self.companyId = companyId
        self.name = name
        self.integrationType = integrationType
        self.status = status
        self.offboardingThresholdPercent = offboardingThresholdPercent
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
