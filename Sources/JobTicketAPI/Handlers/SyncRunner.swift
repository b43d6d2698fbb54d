import Foundation
import JobTicketCore
import JobTicketStore

/// One sync request's work inside a transaction: the idempotency check, planning against the
/// current state, and applying the plan with its run record (spec §8.2–8.7).
struct SyncRunner: Sendable {
    let services: APIServices
    let companyId: Int64
    let integrationId: Int64
    let roster: Roster
    let fingerprint: String
    let keyId: String?
    let confirmMassOffboarding: Bool

    /// Plans without writing (dry run); refusals are thrown as problems.
    func plan(in transaction: StoreTransaction) throws -> SyncPlan {
        let integration = try activeIntegration(in: transaction)
        return try plan(in: transaction, integration: integration)
    }

    /// Applies the roster, or replays an identical earlier request without changing anything.
    func apply(in transaction: StoreTransaction) throws {
        let integration = try activeIntegration(in: transaction)
        let started = services.clock.timestamp
        if let previous = try transaction.appliedSyncRun(integrationId: integrationId, companyId: companyId, syncId: roster.syncId) {
            guard previous.payloadSHA256 == fingerprint else {
                throw APIError(.syncIdReused, "syncId '\(roster.syncId)' was already used for this HR integration with a different payload.")
            }
            var replay = previous
            replay.status = .replayed
            replay.startedAt = started
            replay.finishedAt = services.clock.timestamp
            replay.keyId = keyId
            try transaction.insertSyncRun(replay)
            return
        }
        let plan = try plan(in: transaction, integration: integration)
        let today = services.clock.today
        try transaction.applySyncPlan(plan, companyId: companyId, at: started,
                                      eventPayload: { JSONWriter.string(SubscriptionWire.changedPayload($0, today: today)) },
                                      eventId: { services.random.uuid() })
        if integration.status == .initialSyncPending {
            try transaction.setHRIntegrationStatus(id: integrationId, companyId: companyId, status: .active, at: started)
        }
        try transaction.insertSyncRun(SyncRun(
            integrationId: integrationId, syncId: roster.syncId, status: .applied, startedAt: started,
            finishedAt: services.clock.timestamp, added: plan.added, updated: plan.updated, offboarded: plan.offboarded,
            unchanged: plan.unchanged, skipped: plan.skipped, payloadSHA256: fingerprint, keyId: keyId))
    }

    private func activeIntegration(in transaction: StoreTransaction) throws -> HRIntegration {
        let integration = try transaction.ownIntegration(id: integrationId, companyId: companyId)
        guard integration.status != .disabled else {
            throw APIError(.conflict, "HR integration \(integrationId) is disabled.")
        }
        return integration
    }

    private func plan(in transaction: StoreTransaction, integration: HRIntegration) throws -> SyncPlan {
        guard let company = try transaction.company(id: companyId) else { throw APIError.notFound("No company.") }
        let state = try transaction.syncState(integrationId: integrationId, companyId: companyId)
        let input = SyncInput(
            integrationId: integrationId, companyId: companyId, today: services.clock.today, now: services.clock.timestamp,
            roster: roster, linked: state.linked, unlinkedByEmail: state.unlinkedByEmail, takenEmails: state.takenEmails,
            defaultPlan: Plan(type: company.defaultPlanType, contractSigningStatus: .pending, employeeContribution: company.defaultContribution),
            offboardingThresholdPercent: integration.offboardingThresholdPercent, confirmMassOffboarding: confirmMassOffboarding)
        switch SyncPlanner.plan(input) {
        case .success(let plan):
            return plan
        case .failure(.emailTaken(let issues)):
            throw APIError(.validationFailed, "\(issues.count) e-mail address(es) belong to other employees.",
                           errors: issues.map(FieldError.init))
        case .failure(.massOffboardingBlocked(let wouldOffboard, let linked)):
            throw APIError(.massOffboardingBlocked,
                           "This roster would offboard \(wouldOffboard) of \(linked) linked employees. Resend with ?confirmMassOffboarding=true if that is intended.",
                           extensions: [("wouldOffboard", .int(wouldOffboard)), ("linkedEmployees", .int(linked))])
        }
    }
}
