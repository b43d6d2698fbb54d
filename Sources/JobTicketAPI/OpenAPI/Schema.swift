import JobTicketCore

/// Small builders for JSON Schema (2020-12, as OpenAPI 3.1 uses it), so the OpenAPI document
/// reads like the shapes it describes.
enum Schema {
    static func ref(_ name: String) -> JSONValue {
        .object([("$ref", .string("#/components/schemas/\(name)"))])
    }

    static func string(format: String? = nil, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
                       enumeration: [String]? = nil, nullable: Bool = false, example: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", nullable ? .array([.string("string"), .string("null")]) : .string("string"))]
        if let format { members.append(("format", .string(format))) }
        if let minLength { members.append(("minLength", .int(minLength))) }
        if let maxLength { members.append(("maxLength", .int(maxLength))) }
        if let pattern { members.append(("pattern", .string(pattern))) }
        if let enumeration { members.append(("enum", .array(enumeration.map(JSONValue.string) + (nullable ? [.null] : [])))) }
        if let example { members.append(("examples", .array([.string(example)]))) }
        return .object(members)
    }

    static func integer(minimum: Int? = nil, maximum: Int? = nil, nullable: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", nullable ? .array([.string("integer"), .string("null")]) : .string("integer"))]
        if let minimum { members.append(("minimum", .int(minimum))) }
        if let maximum { members.append(("maximum", .int(maximum))) }
        return .object(members)
    }

    static let number: JSONValue = .object([("type", .string("number"))])
    static let boolean: JSONValue = .object([("type", .string("boolean"))])
    static let date = string(format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example: "2024-05-14")
    static let nullableDate = string(format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", nullable: true)
    static let timestamp = string(format: "date-time", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
    static let nullableTimestamp = string(format: "date-time", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                          nullable: true)

    static func array(_ items: JSONValue, maxItems: Int? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string("array")), ("items", items)]
        if let maxItems { members.append(("maxItems", .int(maxItems))) }
        return .object(members)
    }

    /// A closed object: every listed property is required unless named in `optional`, and no
    /// other property is allowed, so a renamed, added or dropped field fails validation.
    static func object(_ properties: [(String, JSONValue)], optional: Set<String> = [], nullable: Bool = false,
                       closed: Bool = true) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", nullable ? .array([.string("object"), .string("null")]) : .string("object")),
            ("properties", .object(properties)),
            ("required", .array(properties.map(\.0).filter { !optional.contains($0) }.map(JSONValue.string))),
        ]
        if closed { members.append(("additionalProperties", .bool(false))) }
        return .object(members)
    }

    static func nullable(_ schema: JSONValue) -> JSONValue {
        .object([("oneOf", .array([schema, .object([("type", .string("null"))])]))])
    }
}
