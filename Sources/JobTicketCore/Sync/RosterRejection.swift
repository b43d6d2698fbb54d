/// Why a sync request body was refused, with every problem found.
public struct RosterRejection: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The body is not an object or a present field has the wrong JSON type (HTTP 400).
        case malformedTypes
        /// Types are right but required fields, formats or rules fail (HTTP 422).
        case invalid

        public var httpStatus: Int {
            switch self {
            case .malformedTypes: 400
            case .invalid: 422
            }
        }
    }

    public var kind: Kind
    /// The problems of that kind in document order, at most `RosterValidator.maximumIssues`.
    public var issues: [RosterIssue]
    /// How many problems were found in all (more than `issues.count` once the list is cut).
    public var problemCount: Int

    public init(kind: Kind, issues: [RosterIssue], problemCount: Int? = nil) {
        self.kind = kind
        self.issues = issues
        self.problemCount = max(problemCount ?? issues.count, issues.count)
    }
}
