import Foundation

/// Where configuration values come from: `JOBTICKET_*` variables, overridden by flags of the same
/// name in kebab case (`JOBTICKET_PORT` ⇄ `--port 9000` or `--port=9000`).
public struct SettingsSource: Sendable {
    public let environment: [String: String]
    public let flags: [String: String]

    public init(environment: [String: String], flags: [String: String] = [:]) {
        self.environment = environment
        self.flags = flags
    }

    /// The flag's name for a variable: `JOBTICKET_RATE_LIMIT` → `rate-limit`.
    public static func flagName(_ variable: String) -> String {
        variable.dropFirst("JOBTICKET_".count).lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// The raw value and how to name it in an error (`--port` or `JOBTICKET_PORT`).
    public func raw(_ variable: String) -> (value: String, name: String)? {
        let flag = Self.flagName(variable)
        if let value = flags[flag] { return (value, "--\(flag) (\(variable))") }
        // An empty variable counts as unset, as shells and service managers commonly mean it.
        if let value = environment[variable], !value.isEmpty { return (value, variable) }
        return nil
    }
}
