import JobTicketCore
import JobTicketStore

/// `jobticket demo [--employees N]`: the demo company, created once, and working credentials.
enum DemoCommand {
    static let help = """
        Usage: jobticket demo [--employees N]

        Creates the demo company if it does not exist yet (API access enabled, one API HR
        integration, N employees covering every subscription status and both plan types, with
        monthly transit invoices as PDF documents) and prints its credentials. Running it again
        prints the same company and key. N defaults to 12 (6 to 10000).
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let count = try arguments.option("employees").map { text throws(CommandError) in
            try ArgumentParsing.positiveInt(text, option: "--employees", maximum: 10_000)
        } ?? 12
        guard count >= 6 else { throw CommandError.usage("--employees must be at least 6 to cover every status.") }
        let credentials = try deployment.store.writeNow { transaction in
            try DemoSeeder(deployment: deployment, transaction: transaction).ensure(employees: count)
        }
        let url = deployment.configuration.publicURL
        let curl = "curl -u \(credentials.keyId):\(credentials.secret) \(url)/employees"
        return CommandOutput(text: """
            Demo company \(credentials.companyId) "\(DemoRoster.companyName)" with \(credentials.employees) employees.
            API Key ID:     \(credentials.keyId)
            API Key Secret: \(credentials.secret)
            HR integration: \(credentials.integrationId)
            Try it:         \(curl)
            """, json: .object([
                ("companyId", .int(Int(credentials.companyId))), ("apiKeyId", .string(credentials.keyId)),
                ("apiKeySecret", .string(credentials.secret)), ("hrIntegrationId", .int(Int(credentials.integrationId))),
                ("employees", .int(credentials.employees)), ("publicURL", .string(url)), ("curl", .string(curl)),
            ]))
    }
}
