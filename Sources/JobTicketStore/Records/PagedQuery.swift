import JobTicketCore

extension StoreTransaction {
    /// One page of `SELECT columns FROM source WHERE condition ORDER BY order` and the total count
    /// of matching rows: the shape of every list endpoint. `source`, `condition` and `order` are
    /// SQL written in this module (never user input); values are bound.
    func page<Item>(_ columns: String, from source: String, where condition: String, _ values: [any SQLiteBindable],
                    orderBy order: String, page: PageRequest, decode: (SQLiteStatement) -> Item) throws -> Page<Item> {
        let total = try connection.row("SELECT COUNT(*) FROM \(source) WHERE \(condition)", values) { Int($0.int(0)) } ?? 0
        let items = try connection.rows("SELECT \(columns) FROM \(source) WHERE \(condition) ORDER BY \(order) LIMIT ? OFFSET ?",
                                        values + [page.perPage, page.offset], decode)
        return Page(items: items, total: total, request: page)
    }

    /// `column direction, id direction`: ties always broken by id in the same direction (spec §5.2).
    static func order(_ column: String, _ order: SortOrder, id: String = "id") -> String {
        let direction = order == .asc ? "ASC" : "DESC"
        return column == id ? "\(id) \(direction)" : "\(column) \(direction), \(id) \(direction)"
    }
}
