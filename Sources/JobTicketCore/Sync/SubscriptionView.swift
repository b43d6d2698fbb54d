/// The public face of a subscription on a given day (spec §6.1 `subscription`): the stored
/// facts plus the derived `status` and `nextTicketAt`. Two views that differ mean a client
/// would see a change, which is what `employee-subscription-changed` events report.
public struct SubscriptionView: Sendable, Hashable {
    public var status: SubscriptionStatus
    public var startAt: CalendarDate
    public var nextTicketAt: CalendarDate?
    public var pausedAt: CalendarDate?
    public var cancelledAt: CalendarDate?
    public var reactivatedAt: CalendarDate?

    public init(status: SubscriptionStatus, startAt: CalendarDate, nextTicketAt: CalendarDate?,
                pausedAt: CalendarDate?, cancelledAt: CalendarDate?, reactivatedAt: CalendarDate?) {
        self.status = status
        self.startAt = startAt
        self.nextTicketAt = nextTicketAt
        self.pausedAt = pausedAt
        self.cancelledAt = cancelledAt
        self.reactivatedAt = reactivatedAt
    }

    public init(_ subscription: Subscription, contractAccepted: Bool, on today: CalendarDate) {
        self.init(status: subscription.status(on: today, contractAccepted: contractAccepted),
                  startAt: subscription.startAt,
                  nextTicketAt: subscription.nextTicketAt(on: today, contractAccepted: contractAccepted),
                  pausedAt: subscription.pausedAt,
                  cancelledAt: subscription.cancelledAt,
                  reactivatedAt: subscription.reactivatedAt)
    }

    public init(_ employee: Employee, on today: CalendarDate) {
        self.init(employee.subscription, contractAccepted: employee.contractAccepted, on: today)
    }

    /// The §6.1 `subscription` object, keys in the documented order.
    public var json: JSONValue {
        .object([
            ("status", .string(status.rawValue)),
            ("startAt", .string(startAt.description)),
            ("nextTicketAt", .string(nextTicketAt?.description)),
            ("pausedAt", .string(pausedAt?.description)),
            ("cancelledAt", .string(cancelledAt?.description)),
            ("reactivatedAt", .string(reactivatedAt?.description)),
        ])
    }
}
