import HTTPServer
import JobTicketCore
import JobTicketStore

/// List HR Integrations and Get HR Integration (spec §7).
struct HRIntegrationHandlers: Sendable {
    let services: APIServices

    var routes: [Route] {
        [
            Route("GET", "/hr-integrations", requirement: .permissions([.viewHRIntegrations]), handler: list),
            Route("GET", "/hr-integrations/{id}", requirement: .permissions([.viewHRIntegrations]), handler: get),
        ]
    }

    func list(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let query = QueryParameters(request: request)
        let page = try query.page()
        let sorting: Sorting<HRIntegrationSortField> = try query.sorting(default: .id)
        let status: Set<HRIntegrationStatus> = try query.set("status")
        let rows = try await services.store.read { transaction in
            let integrations = try transaction.hrIntegrations(companyId: companyId, status: status, sorting: sorting, page: page)
            let items = try integrations.items.map { integration in
                (integration, try transaction.linkedEmployeeCount(integrationId: integration.id),
                 try transaction.lastAppliedSyncRun(integrationId: integration.id))
            }
            return Page(items: items, total: integrations.total, request: page)
        }
        return ListEnvelope.response(rows) { integration, linked, lastSync in
            HRIntegrationWire.resource(integration, linkedEmployees: linked, lastSync: lastSync, urls: services.links)
        }
    }

    func get(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let id = try PathParameters.id(context)
        let found = try await services.store.read { transaction -> (HRIntegration, Int, SyncRun?)? in
            guard let integration = try transaction.hrIntegration(id: id, companyId: companyId) else { return nil }
            return (integration, try transaction.linkedEmployeeCount(integrationId: id), try transaction.lastAppliedSyncRun(integrationId: id))
        }
        guard let (integration, linked, lastSync) = found else { throw APIError.notFound("No HR integration \(id).") }
        return .data(HRIntegrationWire.resource(integration, linkedEmployees: linked, lastSync: lastSync, urls: services.links))
    }
}
