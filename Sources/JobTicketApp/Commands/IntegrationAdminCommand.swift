import JobTicketCore
import JobTicketStore

/// `jobticket integration disable|enable ID` and `jobticket integration threshold ID PERCENT`.
struct IntegrationAdminCommand: Sendable {
    enum Action: Sendable {
        case disable, enable, threshold
    }

    static let statusHelp = """
        Usage: jobticket integration disable|enable INTEGRATION_ID

        Disables an HR integration (every sync then gets 409) or enables it again: back to ACTIVE
        if it was ever synced, else INITIAL SYNC PENDING.
        """
    static let thresholdHelp = """
        Usage: jobticket integration threshold INTEGRATION_ID PERCENT

        Sets the mass-offboarding safeguard: a sync that would offboard more than PERCENT (1-100)
        of the linked employees is refused unless confirmed with ?confirmMassOffboarding=true.
        """

    let action: Action

    func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let id = try ArgumentParsing.id(arguments.positionals[0], option: "INTEGRATION_ID")
        let percent = action == .threshold
            ? try ArgumentParsing.positiveInt(arguments.positionals[1], option: "PERCENT", maximum: 100) : 0
        let now = deployment.clock.timestamp
        let integration = try deployment.store.writeNow { transaction -> HRIntegration in
            guard var integration = try transaction.hrIntegration(id: id) else { throw CommandError.failed("No HR integration with id \(id).") }
            switch action {
            case .disable:
                integration.status = .disabled
            case .enable:
                let synced = try transaction.lastAppliedSyncRun(integrationId: id, companyId: integration.companyId) != nil
                integration.status = synced ? .active : .initialSyncPending
            case .threshold:
                integration.offboardingThresholdPercent = percent
                try transaction.setOffboardingThreshold(integrationId: id, percent: percent, at: now)
            }
            if action != .threshold {
                try transaction.setHRIntegrationStatus(id: id, companyId: integration.companyId, status: integration.status, at: now)
            }
            try transaction.appendAudit(AuditEvent(at: now, companyId: integration.companyId, actor: "operator",
                                                   action: "hr-integration.\(action)", details: JSONWriter.string(.object([
                                                       ("integrationId", .int(Int(id))), ("status", .string(integration.status.rawValue)),
                                                       ("offboardingThreshold", .int(integration.offboardingThresholdPercent)),
                                                   ]))))
            return integration
        }
        return CommandOutput(
            text: "HR integration \(id) is \(integration.status.rawValue); mass-offboarding threshold \(integration.offboardingThresholdPercent) %.",
            json: .object([("id", .int(Int(id))), ("companyId", .int(Int(integration.companyId))),
                           ("status", .string(integration.status.rawValue)),
                           ("offboardingThreshold", .int(integration.offboardingThresholdPercent))]))
    }
}
