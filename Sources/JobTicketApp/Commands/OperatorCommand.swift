/// An operator command that works on an opened deployment (everything but `serve` and `help`).
struct OperatorCommand: Sendable {
    /// The words that select it, e.g. `["key", "create"]`.
    let words: [String]
    let help: String
    /// Options it accepts besides the settings flags and `--json`/`--help`.
    let options: Set<String>
    /// How many positional arguments follow the command words.
    let positionalCount: Int
    let run: @Sendable (CommandArguments, Deployment) throws -> CommandOutput

    /// Every operator command, in the order `jobticket help` lists them.
    static let all: [OperatorCommand] = [
        OperatorCommand(words: ["migrate"], help: MigrateCommand.help, options: [], positionalCount: 0, run: MigrateCommand.run),
        OperatorCommand(words: ["demo"], help: DemoCommand.help, options: ["employees"], positionalCount: 0, run: DemoCommand.run),
        OperatorCommand(words: ["company", "create"], help: CompanyCreateCommand.help, options: CompanyCreateCommand.options,
                        positionalCount: 0, run: CompanyCreateCommand.run),
        OperatorCommand(words: ["company", "api-access"], help: CompanyAPIAccessCommand.help, options: [], positionalCount: 2,
                        run: CompanyAPIAccessCommand.run),
        OperatorCommand(words: ["key", "create"], help: KeyCreateCommand.help, options: KeyCreateCommand.options, positionalCount: 0,
                        run: KeyCreateCommand.run),
        OperatorCommand(words: ["key", "list"], help: KeyListCommand.help, options: ["company"], positionalCount: 0, run: KeyListCommand.run),
        OperatorCommand(words: ["key", "disable"], help: KeyStatusCommand.help, options: [], positionalCount: 1,
                        run: KeyStatusCommand(status: .disabled).run),
        OperatorCommand(words: ["key", "enable"], help: KeyStatusCommand.help, options: [], positionalCount: 1,
                        run: KeyStatusCommand(status: .enabled).run),
        OperatorCommand(words: ["key", "delete"], help: KeyStatusCommand.help, options: [], positionalCount: 1,
                        run: KeyStatusCommand(status: .deleted).run),
        OperatorCommand(words: ["integration", "create"], help: IntegrationCreateCommand.help, options: ["company", "name"],
                        positionalCount: 0, run: IntegrationCreateCommand.run),
        OperatorCommand(words: ["integration", "disable"], help: IntegrationAdminCommand.statusHelp, options: [], positionalCount: 1,
                        run: IntegrationAdminCommand(action: .disable).run),
        OperatorCommand(words: ["integration", "enable"], help: IntegrationAdminCommand.statusHelp, options: [], positionalCount: 1,
                        run: IntegrationAdminCommand(action: .enable).run),
        OperatorCommand(words: ["integration", "threshold"], help: IntegrationAdminCommand.thresholdHelp, options: [],
                        positionalCount: 2, run: IntegrationAdminCommand(action: .threshold).run),
        OperatorCommand(words: ["document", "add"], help: DocumentAddCommand.help, options: DocumentAddCommand.options,
                        positionalCount: 0, run: DocumentAddCommand.run),
    ]
}
