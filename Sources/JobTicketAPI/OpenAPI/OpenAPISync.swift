import JobTicketCore

/// The Trigger HR Sync operation (spec §8).
enum OpenAPISync {
    static var trigger: JSONValue {
        var responses: [(String, JSONValue)] = [
            ("200", OpenAPIResponses.json("Dry run (`?dryRun=true`): what the sync would do; nothing was written.",
                                          OpenAPISchemas.single("SyncDryRun"), headers: ["RateLimit-Policy", "RateLimit"])),
            ("204", .object([
                ("description", .string("Applied (or replayed: the same syncId with the same payload).")),
                ("headers", .object([
                    ("X-Request-Id", OpenAPIResponses.header("X-Request-Id")),
                    ("Location", .object([("required", .bool(true)), ("schema", Schema.string())])),
                ])),
            ])),
            ("400", OpenAPIResponses.problem("Not JSON, a field of the wrong JSON type, or an invalid query parameter.")),
            ("404", OpenAPIResponses.problem("No such HR integration for this company.")),
            ("409", OpenAPIResponses.problem("`sync-in-progress`, `sync-id-reused`, or the integration is disabled (`conflict`).")),
            ("415", OpenAPIResponses.problem("The body is not sent as application/json.")),
            ("422", OpenAPIResponses.problem("`validation-failed` (every problem in `errors`) or `mass-offboarding-blocked`.")),
        ]
        responses += OpenAPIResponses.authenticatedErrors
        return .object([
            ("operationId", .string("triggerHRSync")), ("summary", .string("Trigger HR Sync (full-roster replace)")),
            ("description", .string(OpenAPIDocument.permissionsText(Permission.sync.sorted()) + " The body is the complete current roster: "
                + "linked employees missing from it are offboarded. The syncId is the idempotency key.")),
            ("parameters", .array([
                OpenAPIParameters.path("id", "The HR integration's id."),
                OpenAPIParameters.query("dryRun", "Validate and plan without writing.", Schema.string(enumeration: ["true", "false"])),
                OpenAPIParameters.query("confirmMassOffboarding", "Allow offboarding more than the threshold, or an empty roster.",
                                        Schema.string(enumeration: ["true", "false"])),
            ])),
            ("requestBody", .object([
                ("required", .bool(true)),
                ("content", .object([("application/json", .object([("schema", Schema.ref("SyncRequest")),
                                                                     ("example", OpenAPIRoster.example)]))])),
            ])),
            ("responses", .object(responses)),
        ])
    }
}
