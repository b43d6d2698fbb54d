/// A configuration value that cannot be used, named the way the operator set it.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public let variable: String
    public let message: String

    public init(variable: String, message: String) {
        self.variable = variable
        self.message = message
    }

    public var description: String { "\(variable): \(message)" }
}
