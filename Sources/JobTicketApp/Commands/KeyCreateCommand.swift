import Foundation
import JobTicketCore
import JobTicketStore

/// `jobticket key create --company ID --name NAME --permissions p1,p2 [--rate-limit N] [--expires DATE]`
enum KeyCreateCommand {
    static let options: Set<String> = ["company", "name", "permissions", "rate-limit", "expires"]

    static let help = """
        Usage: jobticket key create --company ID --name NAME --permissions p1,p2 [--rate-limit N] [--expires DATE]

        Creates an API key and prints its secret once. Permissions: \(Permission.allCases.map(\.rawValue).joined(separator: ", ")).
        --rate-limit overrides the deployment's requests per minute for this key; --expires takes
        YYYY-MM-DD (valid through that day, UTC) or an ISO-8601 timestamp.
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let companyId = try ArgumentParsing.id(try arguments.required("company"), option: "--company")
        let name = try arguments.required("name")
        guard name.count <= 200 else { throw CommandError.usage("--name must be at most 200 characters.") }
        let permissions = try ArgumentParsing.permissions(try arguments.required("permissions"))
        let rateLimit = try arguments.option("rate-limit").map { text throws(CommandError) in
            try ArgumentParsing.positiveInt(text, option: "--rate-limit", maximum: 1_000_000)
        }
        let expiresAt = try arguments.option("expires").map { text throws(CommandError) in try ArgumentParsing.expiry(text) }
        let issuer = KeyIssuer(deployment: deployment)
        let (key, secret) = try deployment.store.writeNow { transaction in
            guard try transaction.company(id: companyId) != nil else { throw CommandError.failed("No company with id \(companyId).") }
            return try issuer.create(in: transaction, companyId: companyId, name: name, permissions: permissions,
                                     rateLimit: rateLimit, expiresAt: expiresAt)
        }
        var json = KeyJSON.render(key)
        if case .object(var members) = json {
            members.append(("secret", .string(secret.value)))
            json = .object(members)
        }
        return CommandOutput(text: """
            Created API key \(key.idString) "\(name)" for company \(companyId).
            Secret (shown once; keep it safe): \(secret.value)
            """, json: json)
    }
}
