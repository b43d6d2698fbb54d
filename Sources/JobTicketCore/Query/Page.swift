/// One page of a list and the size of the whole list.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let total: Int
    public let request: PageRequest

    public init(items: [Item], total: Int, request: PageRequest) {
        self.items = items
        self.total = total
        self.request = request
    }

    /// `ceil(total / perPage)`, 0 for an empty list.
    public var totalPages: Int { (total + request.perPage - 1) / request.perPage }
}
