/// A command line split into positional words and `--flag value` / `--flag=value` options.
public struct ParsedArguments: Sendable, Equatable {
    public var positional: [String]
    public var options: [String: String]
    public var switches: Set<String>

    /// Flags that take no value.
    public static let switchNames: Set<String> = ["json", "help", "not-downloadable"]

    public init(_ arguments: [String]) throws(CommandError) {
        positional = []
        options = [:]
        switches = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                if word == "-h" { switches.insert("help") } else { positional.append(word) }
                continue
            }
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                options[String(body[..<equals])] = String(body[body.index(after: equals)...])
            } else if Self.switchNames.contains(String(body)) {
                switches.insert(String(body))
            } else {
                // A following flag is never taken as the value (`--name --json` is a mistake, not a name);
                // a value that starts with "--" can still be given as `--name=--value`.
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw CommandError.usage("--\(body) needs a value.")
                }
                options[String(body)] = arguments[index]
                index += 1
            }
        }
    }

    public var wantsJSON: Bool { switches.contains("json") }
    public var wantsHelp: Bool { switches.contains("help") }

    /// Fails on an option outside `allowed`, so a typo never passes silently.
    public func rejectUnknownOptions(allowed: Set<String>) throws(CommandError) {
        for name in options.keys.sorted() where !allowed.contains(name) {
            throw CommandError.usage("Unknown option --\(name).")
        }
        for name in switches.sorted() where !allowed.contains(name) && name != "json" && name != "help" {
            throw CommandError.usage("Unknown option --\(name).")
        }
    }

    public func required(_ name: String) throws(CommandError) -> String {
        guard let value = options[name], !value.isEmpty else { throw CommandError.usage("--\(name) is required.") }
        return value
    }
}
