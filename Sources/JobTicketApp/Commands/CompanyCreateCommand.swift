import JobTicketCore
import JobTicketStore

/// `jobticket company create --name NAME [--api-access enabled|disabled] [--plan TYPE] [--contribution EUR]`
enum CompanyCreateCommand {
    static let options: Set<String> = ["name", "api-access", "plan", "contribution"]

    static let help = """
        Usage: jobticket company create --name NAME [--api-access enabled|disabled]
                                        [--plan split-pay-plan|fully-subsidized-plan] [--contribution 29.00]

        Creates a company. API access is disabled unless --api-access enabled is given.
        New employees added by HR syncs get the company's plan (default split-pay-plan, €29.00).
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let name = try arguments.required("name")
        guard name.count <= 200 else { throw CommandError.usage("--name must be at most 200 characters.") }
        let access = try Self.accessFlag(arguments.option("api-access") ?? "disabled", option: "--api-access")
        let planText = arguments.option("plan") ?? PlanType.splitPay.rawValue
        guard let plan = PlanType(rawValue: planText) else {
            throw CommandError.usage("--plan must be split-pay-plan or fully-subsidized-plan, got '\(planText)'.")
        }
        let contribution = plan == .splitPay ? try ArgumentParsing.money(arguments.option("contribution") ?? "29.00") : nil
        let company = try deployment.store.writeNow { transaction in
            let company = try transaction.insertCompany(name: name, apiAccessEnabled: access, defaultPlanType: plan,
                                                        defaultContribution: contribution, at: deployment.clock.timestamp)
            try transaction.appendAudit(AuditEvent(at: deployment.clock.timestamp, companyId: company.id, actor: "operator",
                                                   action: "company.created", details: "{}"))
            return company
        }
        return CommandOutput(text: "Created company \(company.id) \"\(company.name)\" (API access \(access ? "enabled" : "disabled")).",
                             json: Self.json(company))
    }

    static func accessFlag(_ text: String, option: String) throws(CommandError) -> Bool {
        switch text {
        case "enabled", "enable": return true
        case "disabled", "disable": return false
        default: throw CommandError.usage("\(option) must be enabled or disabled, got '\(text)'.")
        }
    }

    static func json(_ company: Company) -> JSONValue {
        .object([
            ("id", .int(Int(company.id))), ("name", .string(company.name)), ("apiAccess", .string(company.apiAccessEnabled ? "enabled" : "disabled")),
            ("planType", .string(company.defaultPlanType.rawValue)),
            ("contribution", company.defaultContribution.map { .string($0.label) } ?? .null),
        ])
    }
}
