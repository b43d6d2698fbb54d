/// `asc` or `desc`; ties are always broken by id in the same direction.
public enum SortOrder: String, Sendable, CaseIterable {
    case asc, desc
}
