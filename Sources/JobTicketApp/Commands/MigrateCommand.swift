import JobTicketCore
import JobTicketStore

/// `jobticket migrate`: applies pending schema migrations (opening the deployment does) and reports.
enum MigrateCommand {
    static let help = """
        Usage: jobticket migrate

        Applies pending schema migrations to the database and exits. Running it again is a no-op.
        `jobticket serve` migrates on start too.
        """

    static func run(_ arguments: CommandArguments, deployment: Deployment) throws -> CommandOutput {
        let applied = deployment.appliedMigrations
        let text = applied.isEmpty
            ? "Schema is current (version \(Store.latestSchemaVersion))."
            : "Applied migrations \(applied.map(String.init).joined(separator: ", ")); schema version \(Store.latestSchemaVersion)."
        return CommandOutput(text: text, json: .object([
            ("applied", .array(applied.map { .int($0) })), ("schemaVersion", .int(Store.latestSchemaVersion)),
        ]))
    }
}
