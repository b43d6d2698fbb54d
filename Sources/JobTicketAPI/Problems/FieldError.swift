import JobTicketCore

/// One entry of a problem's `errors` list: which field, a stable code, a human message.
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// The wire form of a roster problem found by the Core validator or planner.
    public init(_ issue: RosterIssue) {
        self.init(field: issue.field, code: issue.code, message: issue.message)
    }

    var json: JSONValue {
        .object([("field", .string(field)), ("code", .string(code)), ("message", .string(message))])
    }
}
