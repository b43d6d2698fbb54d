import JobTicketCore

/// The public `subscription` object, evaluated on a given day.
public enum SubscriptionWire {
    /// Key order of the resource (spec §6.1).
    public static func resource(_ employee: Employee, today: CalendarDate) -> JSONValue {
        let subscription = employee.subscription
        return .object([
            ("status", .string(employee.status(on: today).rawValue)),
            ("startAt", .string(subscription.startAt.description)),
            ("nextTicketAt", .string(subscription.nextTicketAt(on: today, contractAccepted: employee.contractAccepted)?.description)),
            ("pausedAt", .string(subscription.pausedAt?.description)),
            ("cancelledAt", .string(subscription.cancelledAt?.description)),
            ("reactivatedAt", .string(subscription.reactivatedAt?.description)),
        ])
    }

    /// The `employee-subscription-changed` webhook payload (spec §9).
    public static func changedPayload(_ employee: Employee, today: CalendarDate) -> JSONValue {
        let subscription = employee.subscription
        return .object([
            ("id", .int(Int(employee.id))),
            ("resource", .string("employee")),
            ("subscription", .object([
                ("status", .string(employee.status(on: today).rawValue)),
                ("startAt", .string(subscription.startAt.description)),
                ("pausedAt", .string(subscription.pausedAt?.description)),
                ("cancelledAt", .string(subscription.cancelledAt?.description)),
                ("nextTicketAt", .string(subscription.nextTicketAt(on: today, contractAccepted: employee.contractAccepted)?.description)),
                ("reactivatedAt", .string(subscription.reactivatedAt?.description)),
            ])),
        ])
    }
}
