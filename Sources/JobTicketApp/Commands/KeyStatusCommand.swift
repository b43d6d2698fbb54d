import Foundation
import JobTicketCore
import JobTicketStore

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
