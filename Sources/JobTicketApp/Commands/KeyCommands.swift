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

/// `jobticket key list --company ID`
enum KeyListCommand {
    static let options: Set<String> = ["company"]

    static let help = """
        Usage: jobticket key list --company ID

        Lists the company's API keys (never their secrets).
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let companyId = try ArgumentParsing.id(try arguments.required("company"), option: "--company")
        let keys = try deployment.store.writeNow { transaction in
            guard try transaction.company(id: companyId) != nil else { throw CommandError.failed("No company with id \(companyId).") }
            return try transaction.apiKeys(companyId: companyId)
        }
        let lines = keys.map { key in
            "\(key.idString)  \(key.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(key.permissions.count) Permission\(key.permissions.count == 1 ? "" : "s")  \(key.name)"
        }
        return CommandOutput(text: lines.isEmpty ? "No API keys." : lines.joined(separator: "\n"),
                             json: .object([("keys", .array(keys.map(KeyJSON.render)))]))
    }
}

/// `jobticket key disable|enable|delete KEY_ID`
struct KeyStatusCommand: Sendable {
    static let help = """
        Usage: jobticket key disable|enable|delete KEY_ID

        Disables, re-enables or deletes an API key. A deleted key cannot be enabled again.
        """

    let status: APIKeyStatus

    func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let id = try ArgumentParsing.keyId(arguments.positionals[0])
        let key = try deployment.store.writeNow { transaction -> APIKey in
            guard var key = try transaction.apiKey(id: id), key.status != .deleted else {
                throw CommandError.failed("No API key with id \(id.uuidString.lowercased()).")
            }
            try transaction.setAPIKeyStatus(id: id, status: status)
            try transaction.appendAudit(AuditEvent(at: deployment.clock.timestamp, companyId: key.companyId, actor: "operator",
                                                   action: "api-key.\(status == .enabled ? "enabled" : status.rawValue)",
                                                   details: JSONWriter.string(.object([("keyId", .string(key.idString))]))))
            key.status = status
            return key
        }
        return CommandOutput(text: "API key \(key.idString) is now \(status.rawValue).", json: KeyJSON.render(key))
    }
}

/// The operator's view of a key: everything but the secret.
enum KeyJSON {
    static func render(_ key: APIKey) -> JSONValue {
        .object([
            ("id", .string(key.idString)), ("companyId", .int(Int(key.companyId))), ("name", .string(key.name)),
            ("permissions", .array(key.permissions.sorted().map { .string($0.rawValue) })),
            ("status", .string(key.status.rawValue)), ("environment", .string(key.environment.rawValue)),
            ("rateLimit", key.rateLimit.map { .int($0) } ?? .null), ("expiresAt", .string(key.expiresAt?.description)),
            ("createdAt", .string(key.createdAt.description)), ("lastUsedAt", .string(key.lastUsedAt?.description)),
        ])
    }
}
