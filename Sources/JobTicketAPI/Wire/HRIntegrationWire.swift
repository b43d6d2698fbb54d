import JobTicketCore

/// The HR Integration resource (spec §6.3).
public enum HRIntegrationWire {
    public static func resource(_ integration: HRIntegration, linkedEmployees: Int, lastSync: SyncRun?, urls: Links) -> JSONValue {
        let path = "/hr-integrations/\(integration.id)"
        return .object([
            ("id", .int(Int(integration.id))),
            ("name", .string(integration.name)),
            ("integrationType", .string(integration.integrationType)),
            ("status", .string(integration.status.rawValue)),
            ("linkedEmployees", .int(linkedEmployees)),
            ("lastSync", lastSync.map { run in
                .object([
                    ("syncId", .string(run.syncId)), ("syncedAt", .string(run.finishedAt.description)),
                    ("added", .int(run.added)), ("updated", .int(run.updated)),
                    ("offboarded", .int(run.offboarded)), ("unchanged", .int(run.unchanged)),
                ])
            } ?? .null),
            ("createdAt", .string(integration.createdAt.description)),
            ("updatedAt", .string(integration.updatedAt.description)),
            ("resource", .string("hr-integration")),
            ("_links", .object([
                ("self", urls.link(path)),
                ("sync", urls.link(path + "/sync")),
                ("syncs", urls.link(path + "/syncs")),
            ])),
        ])
    }
}
