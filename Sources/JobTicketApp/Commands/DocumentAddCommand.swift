import Foundation
import JobTicketAPI
import JobTicketCore
import JobTicketStore

/// `jobticket document add --employee ID --name NAME --file PATH [--not-downloadable]`
enum DocumentAddCommand {
    static let options: Set<String> = ["employee", "name", "file", "not-downloadable"]
    /// Documents are served whole from the database; keep them reasonable.
    static let maximumBytes = 20 << 20
    static let help = """
        Usage: jobticket document add --employee ID --name NAME --file PATH [--not-downloadable]

        Attaches a PDF file to an employee and records a new-employee-document-generated event.
        Files must be PDFs of at most 20 MiB.
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let employeeId = try ArgumentParsing.id(try arguments.required("employee"), option: "--employee")
        let name = try arguments.required("name")
        guard name.count <= 200 else { throw CommandError.usage("--name must be at most 200 characters.") }
        let path = try arguments.required("file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.failed("Cannot read the file \(path) (missing or not readable).")
        }
        guard data.count <= maximumBytes else { throw CommandError.failed("The file \(path) is larger than 20 MiB.") }
        guard data.starts(with: Array("%PDF-".utf8)) else { throw CommandError.failed("The file \(path) is not a PDF.") }
        let downloadable = !arguments.has("not-downloadable")
        let document = try deployment.store.writeNow { transaction in
            guard let companyId = try transaction.companyIdOfEmployee(id: employeeId) else {
                throw CommandError.failed("No employee with id \(employeeId).")
            }
            return try DocumentPublisher(deployment: deployment).add(
                in: transaction, employeeId: employeeId, companyId: companyId, name: name, downloadable: downloadable, bytes: Array(data))
        }
        return CommandOutput(text: "Added document \(document.id) \"\(name)\" to employee \(employeeId).",
                             json: DocumentWire.resource(document, urls: Links(publicURL: deployment.configuration.publicURL)))
    }
}
