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
        // Ownership first: another company must get the same 404 as for a missing id, never learn
        // that a sync is running, and never hold this integration's lock.
        guard try await services.store.read({ try $0.hrIntegration(id: integrationId, companyId: companyId) }) != nil else {
            throw APIError.notFound("No HR integration \(integrationId).")
        }
        guard services.syncLocks.acquire(integrationId) else {
            throw APIError(.syncInProgress, "A sync of HR integration \(integrationId) is running. Retry when it has finished.")
        }
        defer { services.syncLocks.release(integrationId) }

        let run = SyncRunner(services: services, companyId: companyId, integrationId: integrationId, roster: roster,
                             fingerprint: fingerprint, keyId: context.principal?.keyId.uuidString.lowercased(),
                             confirmMassOffboarding: confirmed)
        if dryRun {
            let plan = try await services.store.readInBackground { try run.plan(in: $0) }
            return .data(SyncRunWire.dryRun(plan))
        }
        try await services.store.write { try run.apply(in: $0) }
        let location = "/hr-integrations/\(integrationId)/syncs/\(PathEncoding.segment(roster.syncId))"
        return HTTPResponse(status: 204, headers: HTTPHeaders([("Location", location)]))
    }

    func listRuns(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let integrationId = try PathParameters.id(context)
        let page = try QueryParameters(request: request).page()
        let runs = try await services.store.read { transaction -> Page<SyncRun>? in
            guard try transaction.hrIntegration(id: integrationId, companyId: companyId) != nil else { return nil }
            return try transaction.syncRuns(integrationId: integrationId, page: page)
        }
        guard let runs else { throw APIError.notFound("No HR integration \(integrationId).") }
        return ListEnvelope.response(runs) { SyncRunWire.resource($0, urls: services.links) }
    }

    func getRun(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let integrationId = try PathParameters.id(context)
        let syncId = context.parameters["syncId"] ?? ""
        let run = try await services.store.read { transaction -> SyncRun? in
            guard try transaction.hrIntegration(id: integrationId, companyId: companyId) != nil else { return nil }
            return try transaction.appliedSyncRun(integrationId: integrationId, syncId: syncId)
        }
        guard let run else { throw APIError.notFound("No sync run '\(syncId)' for HR integration \(integrationId).") }
        return .data(SyncRunWire.resource(run, urls: services.links))
    }

    static func problem(_ rejection: RosterRejection) -> APIError {
        let errors = rejection.issues.map { FieldError(field: $0.field, code: $0.code, message: $0.message) }
        switch rejection.kind {
        case .malformedTypes:
            return .badRequest("\(errors.count) field(s) of the body have the wrong JSON type.", errors: errors)
        case .invalid:
            return APIError(.validationFailed, "\(errors.count) problem(s) in the roster.", errors: errors)
        }
    }
}
