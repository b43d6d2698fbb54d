/// One field-level problem with a sync request, rendered as an entry of the problem's `errors`.
public struct RosterIssue: Sendable, Hashable, CustomStringConvertible {
    /// Path of the offending value: `syncId`, `employees[12].terminationDate`,
    /// `employees[3].absences[1].endDate`, or `body` for the document itself.
    public var field: String
    /// Stable kebab-case code (`required`, `invalid-format`, `email-taken`, `invalid-type`…).
    public var code: String
    /// Human-readable text, phrased to follow the field name ("is required").
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }

    public var description: String { "\(field): \(code)" }
}
