/// A command that cannot do what was asked. `usage` errors exit 2, the others 1.
public struct CommandError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let exitCode: Int32

    public static func usage(_ message: String) -> CommandError {
        CommandError(message: message, exitCode: 2)
    }

    public static func failed(_ message: String) -> CommandError {
        CommandError(message: message, exitCode: 1)
    }

    public var description: String { message }
}
