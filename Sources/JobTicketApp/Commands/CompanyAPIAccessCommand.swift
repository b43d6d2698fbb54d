import JobTicketCore
import JobTicketStore

/// `jobticket company api-access COMPANY_ID enable|disable`
enum CompanyAPIAccessCommand {

    static let help = """
        Usage: jobticket company api-access COMPANY_ID enable|disable

        Switches the company's API access. While it is disabled every API call of its keys gets 403.
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let id = try ArgumentParsing.id(arguments.positionals[0], option: "COMPANY_ID")
        let enabled = try CompanyCreateCommand.accessFlag(arguments.positionals[1], option: "The second argument")
        let company = try deployment.store.writeNow { transaction -> Company in
            guard var company = try transaction.company(id: id) else { throw CommandError.failed("No company with id \(id).") }
            try transaction.setAPIAccess(companyId: id, enabled: enabled)
            try transaction.appendAudit(AuditEvent(at: deployment.clock.timestamp, companyId: id, actor: "operator",
                                                   action: enabled ? "company.api-access.enabled" : "company.api-access.disabled",
                                                   details: "{}"))
            company.apiAccessEnabled = enabled
            return company
        }
        return CommandOutput(text: "API access for company \(id) is now \(enabled ? "enabled" : "disabled").",
                             json: CompanyCreateCommand.json(company))
    }
}
