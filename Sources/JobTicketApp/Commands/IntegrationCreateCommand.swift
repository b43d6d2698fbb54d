import JobTicketCore
import JobTicketStore

/// `jobticket integration create --company ID [--name NAME]`
enum IntegrationCreateCommand {
    static let help = """
        Usage: jobticket integration create --company ID [--name NAME]

        Creates an API HR integration for the company, in status INITIAL SYNC PENDING.
        The name defaults to "\(HRIntegration.defaultName)".
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let companyId = try ArgumentParsing.id(try arguments.required("company"), option: "--company")
        let name = arguments.option("name") ?? HRIntegration.defaultName
        guard (1...200).contains(name.count) else { throw CommandError.usage("--name must be 1 to 200 characters.") }
        let integration = try deployment.store.writeNow { transaction in
            guard try transaction.company(id: companyId) != nil else { throw CommandError.failed("No company with id \(companyId).") }
            let integration = try transaction.insertHRIntegration(companyId: companyId, name: name, at: deployment.clock.timestamp)
            try transaction.appendAudit(AuditEvent(at: deployment.clock.timestamp, companyId: companyId, actor: "operator",
                                                   action: "hr-integration.created",
                                                   details: JSONWriter.string(.object([("integrationId", .int(Int(integration.id)))]))))
            return integration
        }
        return CommandOutput(text: "Created HR integration \(integration.id) \"\(name)\" for company \(companyId) (\(integration.status.rawValue)).",
                             json: .object([("id", .int(Int(integration.id))), ("companyId", .int(Int(companyId))),
                                            ("name", .string(name)), ("status", .string(integration.status.rawValue))]))
    }
}
