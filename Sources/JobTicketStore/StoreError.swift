/// Failures the store reports in domain terms.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A uniqueness rule was broken (the message names the rule, never the values).
    case conflict(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .conflict(let rule): "Conflict: \(rule)."
        case .notFound(let what): "Not found: \(what)."
        }
    }
}
