import JobTicketCore

/// Reusable responses and headers of the OpenAPI document.
enum OpenAPIResponses {
    static let requestIdHeader: JSONValue = .object([
        ("description", .string("The request's id: the client's X-Request-Id when sane, else a generated ULID.")),
        ("required", .bool(true)), ("schema", Schema.string()),
    ])

    static var headers: [(String, JSONValue)] {
        [
            ("X-Request-Id", requestIdHeader),
            ("RateLimit-Policy", .object([
                ("description", .string("The key's quota: `\"per-key\";q=<requests>;w=60`.")), ("required", .bool(true)),
                ("schema", Schema.string(pattern: #"^"per-key";q=[0-9]+;w=60$"#)),
            ])),
            ("RateLimit", .object([
                ("description", .string("Requests left in the window and seconds until a slot frees: `\"per-key\";r=<n>;t=<s>`.")),
                ("required", .bool(true)), ("schema", Schema.string(pattern: #"^"per-key";r=[0-9]+;t=[0-9]+$"#)),
            ])),
            ("Retry-After", .object([
                ("description", .string("Whole seconds until the block ends.")), ("required", .bool(true)),
                ("schema", Schema.integer(minimum: 0)),
            ])),
            ("WWW-Authenticate", .object([
                ("description", .string("The Basic challenge.")), ("required", .bool(true)),
                ("schema", Schema.string(enumeration: [#"Basic realm="JobTicket B2B API", charset="UTF-8""#])),
            ])),
            ("Allow", .object([("description", .string("The methods the path supports.")), ("required", .bool(true)), ("schema", Schema.string())])),
        ]
    }

    /// A header reference.
    static func header(_ name: String) -> JSONValue {
        .object([("$ref", .string("#/components/headers/\(name)"))])
    }

    /// A response with a JSON body of `schema` and the given headers (X-Request-Id always).
    static func json(_ description: String, _ schema: JSONValue, headers: [String] = [], example: JSONValue? = nil) -> JSONValue {
        var media: [(String, JSONValue)] = [("schema", schema)]
        if let example { media.append(("example", example)) }
        return .object([
            ("description", .string(description)),
            ("headers", .object((["X-Request-Id"] + headers).map { ($0, header($0)) })),
            ("content", .object([("application/json", .object(media))])),
        ])
    }

    /// A problem response (spec §5.5).
    static func problem(_ description: String, headers: [String] = []) -> JSONValue {
        .object([
            ("description", .string(description)),
            ("headers", .object((["X-Request-Id"] + headers).map { ($0, header($0)) })),
            ("content", .object([("application/problem+json", .object([("schema", Schema.ref("Problem"))]))])),
        ])
    }

    /// The problem responses every authenticated operation can give.
    static var authenticatedErrors: [(String, JSONValue)] {
        [
            ("401", problem("Missing or invalid credentials (every cause answers alike).", headers: ["WWW-Authenticate"])),
            ("403", problem("A permission is missing (`missingPermissions`), or the company's API access is disabled.")),
            ("405", problem("Method not allowed on this path.", headers: ["Allow"])),
            ("413", problem("The body is larger than this endpoint accepts.")),
            ("429", problem("Rate limited: the key exceeded its quota, or this address failed authentication too often.",
                            headers: ["Retry-After"])),
            ("500", problem("Unexpected error; quote the requestId.")),
            ("503", problem("The database is temporarily unavailable.", headers: ["Retry-After"])),
        ]
    }
}
