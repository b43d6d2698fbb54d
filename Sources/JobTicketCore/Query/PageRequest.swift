/// Which slice of a list to return (spec §5.2): 1-based page, 1–100 items per page.
public struct PageRequest: Sendable, Hashable {
    public static let maximumPerPage = 100

    public let page: Int
    public let perPage: Int

    public init(page: Int = 1, perPage: Int = 10) {
        precondition(page >= 1 && (1...Self.maximumPerPage).contains(perPage), "validated by the caller")
        self.page = page
        self.perPage = perPage
    }

    public var offset: Int { (page - 1) * perPage }
}
