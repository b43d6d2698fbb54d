import Foundation
import JobTicketCore
import JobTicketStore

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
