import JobTicketCore

/// The public `subscription` object, evaluated on a given day, and the webhook payload around it.
public enum SubscriptionWire {
    /// The `subscription` member of the Employee resource (spec §6.1).
    public static func resource(_ employee: Employee, today: CalendarDate) -> JSONValue {
        SubscriptionView(employee, on: today).json
    }

    /// The `employee-subscription-changed` webhook payload (spec §9).
    public static func changedPayload(_ employee: Employee, today: CalendarDate) -> JSONValue {
        .object([
            ("id", .int(Int(employee.id))),
            ("resource", .string("employee")),
            ("subscription", resource(employee, today: today)),
        ])
    }
}
