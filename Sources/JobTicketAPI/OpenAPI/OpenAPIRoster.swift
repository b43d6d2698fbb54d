import JobTicketCore

/// The Trigger HR Sync request body (spec §8.1) as a schema. Business rules that a schema
/// cannot state (uniqueness, overlaps, dates in order) are answered with 422.
enum OpenAPIRoster {
    static var request: JSONValue {
        let absence = Schema.object([
            ("startDate", Schema.date), ("endDate", Schema.nullableDate), ("type", Schema.string(nullable: true)),
        ], optional: ["endDate", "type"], closed: false)
        let entry = Schema.object([
            ("firstName", Schema.string(minLength: 1, maxLength: 100)), ("lastName", Schema.string(minLength: 1, maxLength: 100)),
            ("email", Schema.string(format: "email", minLength: 3, maxLength: 254)),
            ("profileImage", Schema.string(format: "uri", maxLength: 2048, pattern: "^https://", nullable: true)),
            ("dateOfBirth", Schema.nullableDate), ("hrId", Schema.string(minLength: 1, maxLength: 128)),
            ("startDate", Schema.date), ("terminationDate", Schema.nullableDate),
            ("autoSyncEmployee", .object([("type", .array([.string("boolean"), .string("null")]))])),
            ("absences", Schema.array(absence)),
        ], optional: ["profileImage", "dateOfBirth", "terminationDate", "autoSyncEmployee", "absences"], closed: false)
        return Schema.object([
            ("syncId", Schema.string(minLength: 1, maxLength: 128, pattern: "^[!-~]+$", example: "sync-2024-05-14-001")),
            ("employees", Schema.array(entry)),
        ], closed: false)
    }

    /// The public example of spec §8.
    static let example: JSONValue = .object([
        ("syncId", .string("sync-2024-05-14-001")),
        ("employees", .array([.object([
            ("firstName", .string("Anna")), ("lastName", .string("Müller")), ("email", .string("anna.mueller@example.com")),
            ("profileImage", .null), ("dateOfBirth", .string("1990-04-15")), ("hrId", .string("emp_HR_001")),
            ("startDate", .string("2022-03-01")), ("terminationDate", .null), ("autoSyncEmployee", .null), ("absences", .array([])),
        ])])),
    ])
}
