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
            let items = try integrations.items.map { try transaction.summary(of: $0, companyId: companyId) }
            return Page(items: items, total: integrations.total, request: page)
        }
        return ListEnvelope.response(rows) { $0.resource(urls: services.links) }
    }

    func get(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let id = try PathParameters.id(context)
        let summary = try await services.store.read { transaction in
            try transaction.summary(of: transaction.ownIntegration(id: id, companyId: companyId), companyId: companyId)
        }
        return .data(summary.resource(urls: services.links))
    }
}

/// An integration with what its resource shows besides its own row, counted within its company.
struct HRIntegrationSummary: Sendable {
    let integration: HRIntegration
    let linkedEmployees: Int
    let lastSync: SyncRun?

    func resource(urls: Links) -> JSONValue {
        HRIntegrationWire.resource(integration, linkedEmployees: linkedEmployees, lastSync: lastSync, urls: urls)
    }
}

extension StoreTransaction {
    /// The company's integration, or the 404 that another company's id gets as well (spec §2).
    func ownIntegration(id: Int64, companyId: Int64) throws -> HRIntegration {
        guard let integration = try hrIntegration(id: id, companyId: companyId) else {
            throw APIError.notFound("No HR integration \(id).")
        }
        return integration
    }

    /// The linked-employee count and last applied run of an integration the company owns.
    func summary(of integration: HRIntegration, companyId: Int64) throws -> HRIntegrationSummary {
        HRIntegrationSummary(integration: integration,
                             linkedEmployees: try linkedEmployeeCount(integrationId: integration.id, companyId: companyId),
                             lastSync: try lastAppliedSyncRun(integrationId: integration.id, companyId: companyId))
    }
}
