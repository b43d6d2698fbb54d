/// A sort field from an endpoint's allow-list plus the direction.
public struct Sorting<Field: RawRepresentable & Sendable & Hashable>: Sendable, Hashable where Field.RawValue == String {
    public let field: Field
    public let order: SortOrder

    public init(field: Field, order: SortOrder) {
        self.field = field
        self.order = order
    }
}
