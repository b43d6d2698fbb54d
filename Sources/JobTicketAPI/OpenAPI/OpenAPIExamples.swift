import JobTicketCore

/// Response examples taken from the contract (spec §6.1), with the public production host.
enum OpenAPIExamples {
    private static let base = "https://v1-api.ticket-plus.app"

    static var employee: JSONValue {
        let link = { (path: String) in JSONValue.object([("href", .string(base + path)), ("type", .string("application/json"))]) }
        return .object([("data", .object([
            ("id", .int(42)), ("firstName", .string("Anna")), ("lastName", .string("Müller")),
            ("email", .string("anna.mueller@example.com")), ("dateOfBirth", .string("1990-04-15")), ("profileImage", .null),
            ("resource", .string("employee")),
            ("subscription", .object([
                ("status", .string("active")), ("startAt", .string("2024-01-01")), ("nextTicketAt", .string("2024-06-01")),
                ("pausedAt", .null), ("cancelledAt", .null), ("reactivatedAt", .null),
            ])),
            ("plan", .object([
                ("type", .string("split-pay-plan")), ("contractSigningStatus", .string("accepted")),
                ("employeeContributionAmount", .object([("label", .string("€29.00")), ("value", .number("29.00"))])),
            ])),
            ("ticket", .object([
                ("ticketId", .string("tkt_9Xk2mPqL")), ("ticketMonth", .string("2024-05")),
                ("validFrom", .string("2024-05-01")), ("validUntil", .string("2024-05-31")),
                ("links", .object([("apple", .string(base + "/wallet/apple/tkt_9Xk2mPqL")),
                                   ("google", .string(base + "/wallet/google/tkt_9Xk2mPqL"))])),
            ])),
            ("hrIntergartionLinks", .array([.object([
                ("type", .string("hr-integration")), ("hrId", .string("emp_HR_001")), ("hrIntegrationId", .int(7)),
                ("lastSyncId", .string("sync_abc123")), ("lastSynced", .string("2024-05-10T08:00:00Z")),
            ])])),
            ("_links", .object([("self", link("/employees/42")), ("employeeDocuments", link("/employees/42/documents"))])),
        ]))])
    }
}
