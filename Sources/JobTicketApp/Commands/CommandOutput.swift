import JobTicketCore

/// What a command reports: a line for people and a JSON object for `--json`.
public struct CommandOutput: Sendable {
    public var text: String
    public var json: JSONValue

    public init(text: String, json: JSONValue) {
        self.text = text
        self.json = json
    }
}
