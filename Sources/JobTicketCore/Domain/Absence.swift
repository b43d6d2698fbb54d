/// A period an employee is away (parental leave, sabbatical…). Only whole calendar months
/// covered by an absence pause the subscription.
public struct Absence: Sendable, Hashable {
    public var startDate: CalendarDate
    /// `nil`: open-ended.
    public var endDate: CalendarDate?
    public var type: String?

    public init(startDate: CalendarDate, endDate: CalendarDate?, type: String?) {
        self.startDate = startDate
        self.endDate = endDate
        self.type = type
    }
}
