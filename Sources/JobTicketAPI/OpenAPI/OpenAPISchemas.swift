import JobTicketCore

/// The component schemas: every resource shape of spec §6 and the problem of spec §5.5.
enum OpenAPISchemas {
    static var all: [(String, JSONValue)] {
        [
            ("Link", Schema.object([("href", Schema.string(format: "uri")), ("type", Schema.string())])),
            ("Health", Schema.object([("status", Schema.string(enumeration: ["ok"]))])),
            ("Subscription", Schema.object([
                ("status", Schema.string(enumeration: SubscriptionStatus.allCases.map(\.rawValue))),
                ("startAt", Schema.date), ("nextTicketAt", Schema.nullableDate), ("pausedAt", Schema.nullableDate),
                ("cancelledAt", Schema.nullableDate), ("reactivatedAt", Schema.nullableDate),
            ])),
            ("Plan", Schema.object([
                ("type", Schema.string(enumeration: PlanType.allCases.map(\.rawValue))),
                ("contractSigningStatus", Schema.string(enumeration: ContractSigningStatus.allCases.map(\.rawValue))),
                ("employeeContributionAmount", Schema.object([("label", Schema.string(example: "€29.00")), ("value", Schema.number)],
                                                             nullable: true)),
            ])),
            ("Ticket", Schema.object([
                ("ticketId", Schema.string()), ("ticketMonth", Schema.string(pattern: "^[0-9]{4}-[0-9]{2}$")),
                ("validFrom", Schema.date), ("validUntil", Schema.date),
                ("links", Schema.object([("apple", Schema.string(format: "uri")), ("google", Schema.string(format: "uri"))])),
            ], nullable: true)),
            ("HRIntegrationLink", Schema.object([
                ("type", Schema.string(enumeration: ["hr-integration"])), ("hrId", Schema.string()),
                ("hrIntegrationId", Schema.integer(minimum: 1)), ("lastSyncId", Schema.string(nullable: true)),
                ("lastSynced", Schema.nullableTimestamp),
            ])),
            ("Employee", Schema.object([
                ("id", Schema.integer(minimum: 1)), ("firstName", Schema.string()), ("lastName", Schema.string()),
                ("email", Schema.string()), ("dateOfBirth", Schema.nullableDate), ("profileImage", Schema.string(nullable: true)),
                ("resource", Schema.string(enumeration: ["employee"])), ("subscription", Schema.ref("Subscription")),
                ("plan", Schema.ref("Plan")), ("ticket", Schema.ref("Ticket")),
                ("hrIntergartionLinks", Schema.array(Schema.ref("HRIntegrationLink"))),
                ("_links", Schema.object([("self", Schema.ref("Link")), ("employeeDocuments", Schema.ref("Link"))])),
            ])),
            ("EmployeeDocument", Schema.object([
                ("id", Schema.integer(minimum: 1)), ("employeeId", Schema.integer(minimum: 1)), ("documentName", Schema.string()),
                ("documentFileType", Schema.string()), ("downloadable", Schema.boolean), ("createdAt", Schema.timestamp),
                ("updatedAt", Schema.timestamp), ("resource", Schema.string(enumeration: ["employee-document"])),
                ("_links", Schema.object([("self", Schema.ref("Link")), ("employee", Schema.ref("Link")), ("download", Schema.ref("Link"))],
                                         optional: ["download"])),
            ])),
            ("HRIntegration", Schema.object([
                ("id", Schema.integer(minimum: 1)), ("name", Schema.string()), ("integrationType", Schema.string(enumeration: ["api"])),
                ("status", Schema.string(enumeration: HRIntegrationStatus.allCases.map(\.rawValue))),
                ("linkedEmployees", Schema.integer(minimum: 0)),
                ("lastSync", Schema.object([
                    ("syncId", Schema.string()), ("syncedAt", Schema.timestamp), ("added", Schema.integer(minimum: 0)),
                    ("updated", Schema.integer(minimum: 0)), ("offboarded", Schema.integer(minimum: 0)),
                    ("unchanged", Schema.integer(minimum: 0)),
                ], nullable: true)),
                ("createdAt", Schema.timestamp), ("updatedAt", Schema.timestamp),
                ("resource", Schema.string(enumeration: ["hr-integration"])),
                ("_links", Schema.object([("self", Schema.ref("Link")), ("sync", Schema.ref("Link")), ("syncs", Schema.ref("Link"))])),
            ])),
            ("SyncRun", Schema.object([
                ("syncId", Schema.string()), ("status", Schema.string(enumeration: ["applied", "replayed"])),
                ("startedAt", Schema.timestamp), ("finishedAt", Schema.timestamp), ("added", Schema.integer(minimum: 0)),
                ("updated", Schema.integer(minimum: 0)), ("offboarded", Schema.integer(minimum: 0)),
                ("unchanged", Schema.integer(minimum: 0)), ("skipped", Schema.integer(minimum: 0)),
                ("payloadSha256", Schema.string(pattern: "^[0-9a-f]{64}$")), ("keyId", Schema.string(nullable: true)),
                ("resource", Schema.string(enumeration: ["hr-sync-run"])),
                ("_links", Schema.object([("self", Schema.ref("Link")), ("hrIntegration", Schema.ref("Link"))])),
            ])),
            ("SyncDryRun", Schema.object([
                ("syncId", Schema.string()), ("added", Schema.integer(minimum: 0)), ("updated", Schema.integer(minimum: 0)),
                ("offboarded", Schema.integer(minimum: 0)), ("unchanged", Schema.integer(minimum: 0)),
                ("skipped", Schema.integer(minimum: 0)),
                ("changes", Schema.array(Schema.object([
                    ("hrId", Schema.string()), ("employeeId", Schema.integer(minimum: 1, nullable: true)),
                    ("action", Schema.string(enumeration: SyncChange.Action.allCases.map(\.rawValue))),
                    ("fields", Schema.array(Schema.string())),
                ]), maxItems: 1000)),
                ("truncated", Schema.boolean),
            ])),
            ("SyncRequest", OpenAPIRoster.request),
            ("Problem", Schema.object([
                ("type", Schema.string(format: "uri")), ("title", Schema.string()), ("status", Schema.integer(minimum: 400, maximum: 599)),
                ("detail", Schema.string()), ("instance", Schema.string()), ("requestId", Schema.string()),
                ("errors", Schema.array(Schema.object([("field", Schema.string()), ("code", Schema.string()), ("message", Schema.string())]),
                                        maxItems: 100)),
                ("missingPermissions", Schema.array(Schema.string(enumeration: Permission.allCases.map(\.rawValue)))),
                ("wouldOffboard", Schema.integer(minimum: 0)), ("linkedEmployees", Schema.integer(minimum: 0)),
            ], optional: ["errors", "missingPermissions", "wouldOffboard", "linkedEmployees"])),
        ]
    }

    /// `{"data": <item>}`.
    static func single(_ name: String) -> JSONValue {
        Schema.object([("data", Schema.ref(name))])
    }

    /// The doubled-`data` list envelope of spec §5.1.
    static func list(_ name: String) -> JSONValue {
        Schema.object([("data", Schema.object([
            ("data", Schema.array(Schema.ref(name), maxItems: PageRequest.maximumPerPage)), ("page", Schema.integer(minimum: 1)),
            ("perPage", Schema.integer(minimum: 1, maximum: PageRequest.maximumPerPage)),
            ("totalPages", Schema.integer(minimum: 0)), ("total", Schema.integer(minimum: 0)),
        ]))])
    }
}
