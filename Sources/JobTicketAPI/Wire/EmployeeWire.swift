import JobTicketCore

/// The public Employee resource (spec §6.1), key for key, `hrIntergartionLinks` spelled as the
/// public API spells it.
public enum EmployeeWire {
    public static func resource(_ employee: Employee, links: [EmployeeLink], today: CalendarDate, urls: Links) -> JSONValue {
        let path = "/employees/\(employee.id)"
        return .object([
            ("id", .int(Int(employee.id))),
            ("firstName", .string(employee.firstName)),
            ("lastName", .string(employee.lastName)),
            ("email", .string(employee.email)),
            ("dateOfBirth", .string(employee.dateOfBirth?.description)),
            ("profileImage", .string(employee.profileImage)),
            ("resource", .string("employee")),
            ("subscription", SubscriptionWire.resource(employee, today: today)),
            ("plan", plan(employee.plan)),
            ("ticket", employee.ticket(on: today).map { ticket($0, urls: urls) } ?? .null),
            ("hrIntergartionLinks", .array(links.map(link))),
            ("_links", .object([
                ("self", urls.link(path)),
                ("employeeDocuments", urls.link(path + "/documents")),
            ])),
        ])
    }

    static func plan(_ plan: Plan) -> JSONValue {
        .object([
            ("type", .string(plan.type.rawValue)),
            ("contractSigningStatus", .string(plan.contractSigningStatus.rawValue)),
            ("employeeContributionAmount", plan.employeeContribution.map { money in
                .object([("label", .string(money.label)), ("value", .number(money.decimal))])
            } ?? .null),
        ])
    }

    static func ticket(_ ticket: MonthlyTicket, urls: Links) -> JSONValue {
        .object([
            ("ticketId", .string(ticket.ticketId)),
            ("ticketMonth", .string(ticket.month.description)),
            ("validFrom", .string(ticket.validFrom.description)),
            ("validUntil", .string(ticket.validUntil.description)),
            ("links", .object([
                ("apple", .string("\(urls.publicURL)/wallet/apple/\(ticket.ticketId)")),
                ("google", .string("\(urls.publicURL)/wallet/google/\(ticket.ticketId)")),
            ])),
        ])
    }

    static func link(_ link: EmployeeLink) -> JSONValue {
        .object([
            ("type", .string("hr-integration")),
            ("hrId", .string(link.hrId)),
            ("hrIntegrationId", .int(Int(link.integrationId))),
            ("lastSyncId", .string(link.lastSyncId)),
            ("lastSynced", .string(link.lastSynced?.description)),
        ])
    }
}
