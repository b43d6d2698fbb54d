/// Everything `SyncPlanner` needs, read by the caller in the sync's transaction.
public struct SyncInput: Sendable {
    public var integrationId: Int64
    public var companyId: Int64
    public var today: CalendarDate
    public var now: Timestamp
    public var roster: Roster
    /// Every employee linked to this integration, offboarded or not.
    public var linked: [LinkedEmployee]
    /// The company's employees with no link to this integration, keyed by lowercased e-mail.
    public var unlinkedByEmail: [String: Employee]
    /// Lowercased e-mail → employee id, for every employee of the company.
    public var takenEmails: [String: Int64]
    /// The plan new employees get (contract `pending`).
    public var defaultPlan: Plan
    /// Offboarding more than this share of the linked, not offboarded employees is blocked.
    public var offboardingThresholdPercent: Int
    public var confirmMassOffboarding: Bool

    public init(integrationId: Int64, companyId: Int64, today: CalendarDate, now: Timestamp, roster: Roster,
                linked: [LinkedEmployee], unlinkedByEmail: [String: Employee], takenEmails: [String: Int64],
                defaultPlan: Plan, offboardingThresholdPercent: Int = 50, confirmMassOffboarding: Bool = false) {
        self.integrationId = integrationId
        self.companyId = companyId
        self.today = today
        self.now = now
        self.roster = roster
        self.linked = linked
        self.unlinkedByEmail = unlinkedByEmail
        self.takenEmails = takenEmails
        self.defaultPlan = defaultPlan
        self.offboardingThresholdPercent = offboardingThresholdPercent
        self.confirmMassOffboarding = confirmMassOffboarding
    }
}
