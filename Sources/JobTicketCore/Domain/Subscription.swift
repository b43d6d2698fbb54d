/// The facts of a monthly subscription. The status and the next ticket date are not stored:
/// they follow from these facts and today's date, so they can never disagree with them and
/// a subscription moves from `scheduled-pause` to `paused` without anyone writing anything.
public struct Subscription: Sendable, Hashable {
    /// First day covered.
    public var startAt: CalendarDate
    /// First day of the first paused month, if a pause is planned or running.
    public var pausedAt: CalendarDate?
    /// First day of the month service resumes after the pause.
    public var reactivatedAt: CalendarDate?
    /// Last day covered, if the subscription ends.
    public var cancelledAt: CalendarDate?

    public init(startAt: CalendarDate, pausedAt: CalendarDate? = nil, reactivatedAt: CalendarDate? = nil,
                cancelledAt: CalendarDate? = nil) {
        self.startAt = startAt
        self.pausedAt = pausedAt
        self.reactivatedAt = reactivatedAt
        self.cancelledAt = cancelledAt
    }

    /// The state on `today`, given whether the contract has been accepted.
    public func status(on today: CalendarDate, contractAccepted: Bool) -> SubscriptionStatus {
        if let cancelledAt, today > cancelledAt { return .cancelled }
        if cancelledAt != nil { return .scheduledCancellation }
        if !contractAccepted || today < startAt { return .pending }
        if let pausedAt {
            if today < pausedAt { return .scheduledPause }
            if reactivatedAt.map({ today < $0 }) ?? true { return .paused }
        }
        return .active
    }

    /// Whether a ticket is issued for `month`: covered by the subscription, not paused, not
    /// after the cancellation, and the contract accepted.
    public func coversMonth(_ month: YearMonth, contractAccepted: Bool) -> Bool {
        guard contractAccepted, startAt <= month.lastDay else { return false }
        if let cancelledAt, month.firstDay > cancelledAt { return false }
        if let pausedAt, month.firstDay >= pausedAt, reactivatedAt.map({ month.firstDay < $0 }) ?? true { return false }
        return true
    }

    /// First day of next month if a ticket will be issued for it, else `nil` (spec §6.1).
    public func nextTicketAt(on today: CalendarDate, contractAccepted: Bool) -> CalendarDate? {
        let next = today.yearMonth.next
        return coversMonth(next, contractAccepted: contractAccepted) ? next.firstDay : nil
    }
}
