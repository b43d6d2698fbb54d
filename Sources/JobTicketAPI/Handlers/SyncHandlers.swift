import Foundation
import HTTPServer
import JobTicketCore
import JobTicketStore

/// Trigger HR Sync and the sync-run endpoints (spec §8).
struct SyncHandlers: Sendable {
    let services: APIServices

    var routes: [Route] {
        [
            Route("POST", "/hr-integrations/{id}/sync", requirement: .permissions(Permission.sync),
                  bodyLimit: services.syncBodyLimit, handler: sync),
            Route("GET", "/hr-integrations/{id}/syncs", requirement: .permissions([.viewHRIntegrations]), handler: listRuns),
            Route("GET", "/hr-integrations/{id}/syncs/{syncId}", requirement: .permissions([.viewHRIntegrations]), handler: getRun),
        ]
    }

    func sync(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let integrationId = try PathParameters.id(context)
        let query = QueryParameters(request: request)
        let dryRun = try query.flag("dryRun")
        let confirmed = try query.flag("confirmMassOffboarding")
        let body = try JSONBody.parse(request)
        let today = services.clock.today
        let roster: Roster
        switch RosterValidator.validate(body, today: today) {
        case .success(let valid): roster = valid
        case .failure(let rejection): throw Self.problem(rejection)
        }
        let fingerprint = CanonicalJSON.sha256(body)
        let run = SyncRunner(services: services, companyId: companyId, integrationId: integrationId, roster: roster,
                             fingerprint: fingerprint, keyId: context.principal?.keyId.uuidString.lowercased(),
                             confirmMassOffboarding: confirmed)
        if dryRun {
            // A dry run writes nothing (spec §8.6), so it takes no lock and never makes a real sync get 409.
            // Ownership is checked inside `plan`, by the store's company-scoped lookup.
            let plan = try await services.store.readInBackground { try run.plan(in: $0) }
            return .data(SyncRunWire.dryRun(plan))
        }
        // Ownership before the lock: another company must get the same 404 as for a missing id, never
        // learn that a sync is running, and never hold this integration's lock.
        _ = try await services.store.read { try $0.ownIntegration(id: integrationId, companyId: companyId) }
        guard services.syncLocks.acquire(integrationId) else {
            throw APIError(.syncInProgress, "A sync of HR integration \(integrationId) is running. Retry when it has finished.")
        }
        defer { services.syncLocks.release(integrationId) }
        try await services.store.write { try run.apply(in: $0) }
        let location = "/hr-integrations/\(integrationId)/syncs/\(PathEncoding.segment(roster.syncId))"
        return HTTPResponse(status: 204, headers: HTTPHeaders([("Location", location)]))
    }

    func listRuns(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let integrationId = try PathParameters.id(context)
        let page = try QueryParameters(request: request).page()
        let runs = try await services.store.read { transaction in
            _ = try transaction.ownIntegration(id: integrationId, companyId: companyId)
            return try transaction.syncRuns(integrationId: integrationId, companyId: companyId, page: page)
        }
        return ListEnvelope.response(runs) { SyncRunWire.resource($0, urls: services.links) }
    }

    func getRun(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let integrationId = try PathParameters.id(context)
        let syncId = context.parameters["syncId"] ?? ""
        // No integration check needed: the store scopes the run by company, so another company's
        // integration (or a missing one) has no run here, with the same 404.
        let run = try await services.store.read {
            try $0.appliedSyncRun(integrationId: integrationId, companyId: companyId, syncId: syncId)
        }
        guard let run else { throw APIError.notFound("No sync run '\(syncId)' for HR integration \(integrationId).") }
        return .data(SyncRunWire.resource(run, urls: services.links))
    }

    /// The problem for a refused roster. The status is the rejection's own (`RosterRejection.Kind.httpStatus`:
    /// 400 for wrong JSON types, 422 for broken rules); only the wording is decided here.
    static func problem(_ rejection: RosterRejection) -> APIError {
        let errors = rejection.issues.map(FieldError.init)
        if rejection.kind.httpStatus == ProblemType.badRequest.status {
            return .badRequest("\(rejection.problemCount) field(s) of the body have the wrong JSON type.", errors: errors)
        }
        return APIError(.validationFailed, "\(rejection.problemCount) problem(s) in the roster.", errors: errors)
    }
}
