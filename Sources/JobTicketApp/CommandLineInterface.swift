import Foundation
import JobTicketCore

/// The `jobticket` command: parses the command line and runs one command.
public struct CommandLineInterface: Sendable {
    public static let help = """
        Usage: jobticket <command> [options]

        Commands:
          serve                                  run the server (migrates on start)
          migrate                                apply schema migrations and exit
          demo [--employees N]                   create the demo company if absent; print its credentials
          company create --name NAME [--api-access enabled|disabled]
          company api-access COMPANY_ID enable|disable
          key create --company ID --name NAME --permissions p1,p2 [--rate-limit N] [--expires DATE]
          key list --company ID
          key disable|enable|delete KEY_ID
          integration create --company ID [--name NAME]
          integration disable|enable INTEGRATION_ID
          integration threshold INTEGRATION_ID PERCENT
          document add --employee ID --name NAME --file PATH [--not-downloadable]
          help                                   show this help

        Every command accepts --help and the settings flags of `jobticket serve --help`
        (e.g. --database). --json makes a command print one JSON object on stdout; errors go to
        stderr with a non-zero exit (2 for bad usage, 1 for failures).
        """

    public let terminal: Terminal

    public init(terminal: Terminal = .standard) {
        self.terminal = terminal
    }

    /// Runs the command in `arguments` (without the program name) and returns the exit code.
    public func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        // Known before parsing, so that even a parse error is reported as JSON.
        let wantsJSON = arguments.contains("--json")
        do {
            let parsed = try ParsedArguments(arguments)
            guard let first = parsed.positional.first else {
                terminal.err(Self.help)
                return 2
            }
            if first == "help" {
                terminal.out(Self.help)
                return 0
            }
            if first == "serve" {
                if parsed.wantsHelp { terminal.out(ServeCommand.help); return 0 }
                return try ServeCommand(terminal: terminal).run(parsed, environment: environment)
            }
            guard let command = OperatorCommand.all.first(where: { parsed.positional.starts(with: $0.words) }) else {
                throw CommandError.usage("Unknown command '\(parsed.positional.prefix(2).joined(separator: " "))'. Run 'jobticket help'.")
            }
            if parsed.wantsHelp {
                terminal.out(command.help)
                return 0
            }
            let positionals = Array(parsed.positional.dropFirst(command.words.count))
            guard positionals.count == command.positionalCount else {
                throw CommandError.usage("Wrong number of arguments.\n\n\(command.help)")
            }
            try parsed.rejectUnknownOptions(allowed: command.options.union(ServerConfiguration.flagNames))
            // A command's own option wins over a setting of the same name (`key create --rate-limit`).
            let settingFlags = parsed.options.filter { !command.options.contains($0.key) }
            let configuration = try ServerConfiguration(SettingsSource(environment: environment, flags: settingFlags))
            let deployment = try Deployment.open(configuration)
            let output = try command.run(CommandArguments(parsed: parsed, positionals: positionals), deployment)
            terminal.out(wantsJSON ? JSONWriter.string(output.json) : output.text)
            return 0
        } catch let error as CommandError {
            return fail(error.message, code: error.exitCode, json: wantsJSON)
        } catch let error as ConfigurationError {
            return fail(error.description, code: 2, json: wantsJSON)
        } catch {
            return fail(String(describing: error), code: 1, json: wantsJSON)
        }
    }

    private func fail(_ message: String, code: Int32, json: Bool) -> Int32 {
        terminal.err(json ? JSONWriter.string(.object([("error", .string(message))])) : "jobticket: \(message)")
        return code
    }
}
