import Foundation
import JobTicketCore

/// Parameters of the OpenAPI document, with the limits the handlers enforce.
enum OpenAPIParameters {
    static let maximumId = Int(Int64.max)

    static func path(_ name: String, _ description: String) -> JSONValue {
        .object([("name", .string(name)), ("in", .string("path")), ("required", .bool(true)),
                 ("description", .string(description)), ("schema", Schema.integer(minimum: 1, maximum: maximumId))])
    }

    static func query(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        .object([("name", .string(name)), ("in", .string("query")), ("required", .bool(false)),
                 ("description", .string(description)), ("schema", schema)])
    }

    static func paging<Field: RawRepresentable & CaseIterable>(_ fields: Field.Type) -> [JSONValue] where Field.RawValue == String {
        [
            query("page", "1-based page number.", Schema.integer(minimum: 1, maximum: 1_000_000)),
            query("perPage", "Items per page.", Schema.integer(minimum: 1, maximum: PageRequest.maximumPerPage)),
            query("sortField", "Field to sort by; ties are broken by id.", Schema.string(enumeration: Field.allCases.map(\.rawValue))),
            query("sortOrder", "Sort direction.", Schema.string(enumeration: SortOrder.allCases.map(\.rawValue))),
        ]
    }

    /// A comma-separated list of enumerated values, as a pattern.
    static func list(of values: [String]) -> JSONValue {
        let alternatives = values.map { $0.replacingOccurrences(of: " ", with: "\\x20") }.joined(separator: "|")
        return Schema.string(pattern: "^(\(alternatives))(,(\(alternatives)))*$")
    }

    static var employeeFilters: [JSONValue] {
        [
            query("status", "Comma-separated subscription statuses.", list(of: SubscriptionStatus.allCases.map(\.rawValue))),
            query("planType", "Comma-separated plan types.", list(of: PlanType.allCases.map(\.rawValue))),
            query("email", "Exact e-mail address, compared case-insensitively.", Schema.string(minLength: 1, maxLength: 254)),
            query("ids", "Comma-separated employee ids (at most 100).",
                  Schema.string(pattern: "^[1-9][0-9]{0,17}(,[1-9][0-9]{0,17}){0,99}$")),
            query("hrIntegrationId", "Employees linked to this HR integration.", Schema.integer(minimum: 1, maximum: maximumId)),
        ]
    }
}
