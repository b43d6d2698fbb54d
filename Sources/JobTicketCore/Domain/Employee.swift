/// An employee of a company with their job-ticket subscription and plan.
public struct Employee: Sendable, Hashable {
    public var id: Int64
    public var companyId: Int64
    public var firstName: String
    public var lastName: String
    public var email: String
    public var dateOfBirth: CalendarDate?
    public var profileImage: String?
    /// Employment start as the HR system reports it.
    public var startDate: CalendarDate?
    public var terminationDate: CalendarDate?
    public var absences: [Absence]
    public var subscription: Subscription
    public var plan: Plan
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(id: Int64, companyId: Int64, firstName: String, lastName: String, email: String,
                dateOfBirth: CalendarDate?, profileImage: String?, startDate: CalendarDate?, terminationDate: CalendarDate?,
                absences: [Absence], subscription: Subscription, plan: Plan, createdAt: Timestamp, updatedAt: Timestamp) {
        self.id = id
        self.companyId = companyId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.dateOfBirth = dateOfBirth
        self.profileImage = profileImage
        self.startDate = startDate
        self.terminationDate = terminationDate
        self.absences = absences
        self.subscription = subscription
        self.plan = plan
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var contractAccepted: Bool { plan.contractSigningStatus == .accepted }

    public func status(on today: CalendarDate) -> SubscriptionStatus {
        subscription.status(on: today, contractAccepted: contractAccepted)
    }

    /// The ticket valid today, if the subscription covers this month.
    public func ticket(on today: CalendarDate) -> MonthlyTicket? {
        let month = today.yearMonth
        guard today >= subscription.startAt,
              subscription.coversMonth(month, contractAccepted: contractAccepted) else { return nil }
        return MonthlyTicket(employeeId: id, month: month)
    }
}
