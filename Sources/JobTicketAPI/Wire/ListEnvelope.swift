import HTTPServer
import JobTicketCore

/// The list envelope of spec §5.1, doubled `data` included.
enum ListEnvelope {
    static func response<Item>(_ page: Page<Item>, render: (Item) -> JSONValue) -> HTTPResponse {
        .data(.object([
            ("data", .array(page.items.map(render))),
            ("page", .int(page.request.page)),
            ("perPage", .int(page.request.perPage)),
            ("totalPages", .int(page.totalPages)),
            ("total", .int(page.total)),
        ]))
    }
}
