import JobTicketCore

/// A sync run (spec §8.7, ours) and the dry-run result (spec §8.6).
enum SyncRunWire {
    static let maximumChanges = 1000

    static func resource(_ run: SyncRun, urls: Links) -> JSONValue {
        .object([
            ("syncId", .string(run.syncId)), ("status", .string(run.status.rawValue)),
            ("startedAt", .string(run.startedAt.description)), ("finishedAt", .string(run.finishedAt.description)),
            ("added", .int(run.added)), ("updated", .int(run.updated)), ("offboarded", .int(run.offboarded)),
            ("unchanged", .int(run.unchanged)), ("skipped", .int(run.skipped)),
            ("payloadSha256", .string(run.payloadSHA256)), ("keyId", .string(run.keyId)),
            ("resource", .string("hr-sync-run")),
            ("_links", .object([
                ("self", urls.link("/hr-integrations/\(run.integrationId)/syncs/\(PathEncoding.segment(run.syncId))")),
                ("hrIntegration", urls.link("/hr-integrations/\(run.integrationId)")),
            ])),
        ])
    }

    static func dryRun(_ plan: SyncPlan) -> JSONValue {
        .object([
            ("syncId", .string(plan.syncId)), ("added", .int(plan.added)), ("updated", .int(plan.updated)),
            ("offboarded", .int(plan.offboarded)), ("unchanged", .int(plan.unchanged)), ("skipped", .int(plan.skipped)),
            ("changes", .array(plan.changes.prefix(maximumChanges).map { change in
                .object([
                    ("hrId", .string(change.hrId)), ("employeeId", change.employeeId.map { .int(Int($0)) } ?? .null),
                    ("action", .string(change.action.rawValue)), ("fields", .array(change.fields.map(JSONValue.string))),
                ])
            })),
            ("truncated", .bool(plan.changes.count > maximumChanges)),
        ])
    }
}
