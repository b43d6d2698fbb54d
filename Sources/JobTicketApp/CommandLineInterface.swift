import Foundation
import JobTicketCore

/// The `jobticket` command: parses the command line and runs one command.
public struct CommandLineInterface: Sendable {
    public static let help = """
        Usage: jobticket <command> [options]

        Commands:
          serve                      run the server (migrates on start)
          help                       show this help

        Every command accepts --help; --json makes a command print one JSON object on stdout.
        """

    public let terminal: Terminal

    public init(terminal: Terminal = .standard) {
        self.terminal = terminal
    }

    /// Runs the command in `arguments` (without the program name) and returns the exit code.
    public func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        do {
            let parsed = try ParsedArguments(arguments)
            guard let command = parsed.positional.first else {
                terminal.err(Self.help)
                return 2
            }
            switch command {
            case "serve":
                if parsed.wantsHelp { terminal.out(ServeCommand.help); return 0 }
                return try ServeCommand(terminal: terminal).run(parsed, environment: environment)
            case "help":
                terminal.out(Self.help)
                return 0
            default:
                throw CommandError.usage("Unknown command '\(command)'. Run 'jobticket help'.")
            }
        } catch let error as CommandError {
            terminal.err("jobticket: \(error.message)")
            return error.exitCode
        } catch let error as ConfigurationError {
            terminal.err("jobticket: \(error.description)")
            return 2
        } catch {
            terminal.err("jobticket: \(error)")
            return 1
        }
    }
}
