import HTTPServer
import JobTicketCore

/// Validated reading of query parameters: every bad value is a 400 naming the parameter.
/// Unknown parameters are ignored (spec §5.2).
struct QueryParameters {
    let request: HTTPRequest

    func page() throws -> PageRequest {
        let page = try integer("page", default: 1, range: 1...1_000_000)
        let perPage = try integer("perPage", default: 10, range: 1...PageRequest.maximumPerPage)
        return PageRequest(page: page, perPage: perPage)
    }

    func sorting<Field: CaseIterable & RawRepresentable & Sendable & Hashable>(default field: Field) throws -> Sorting<Field>
    where Field.RawValue == String {
        let fieldValue = try oneOf("sortField", Field.allCases.map { $0 }, default: field)
        let order = try oneOf("sortOrder", SortOrder.allCases.map { $0 }, default: SortOrder.asc)
        return Sorting(field: fieldValue, order: order)
    }

    func integer(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.queryValue(name) else { return defaultValue }
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), text.utf8.count <= 18, let value = Int(text),
              range.contains(value) else {
            throw Self.invalid(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A positive id (e.g. `employeeId`), if present.
    func id(_ name: String) throws -> Int64? {
        guard let text = request.queryValue(name) else { return nil }
        guard let value = PathParameters.parseId(text) else { throw Self.invalid(name, "must be a positive integer") }
        return value
    }

    func oneOf<Value: RawRepresentable>(_ name: String, _ allowed: [Value], default defaultValue: Value) throws -> Value
    where Value.RawValue == String {
        guard let text = request.queryValue(name) else { return defaultValue }
        guard let value = allowed.first(where: { $0.rawValue == text }) else {
            throw Self.invalid(name, "must be one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// A comma-separated list of allowed values (`status=active,paused`).
    func set<Value: RawRepresentable & Hashable & CaseIterable>(_ name: String) throws -> Set<Value> where Value.RawValue == String {
        guard let text = request.queryValue(name) else { return [] }
        var result = Set<Value>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Value(rawValue: String(part)) else {
                throw Self.invalid(name, "must be a comma-separated list of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.insert(value)
        }
        return result
    }

    func string(_ name: String, maximumLength: Int) throws -> String? {
        guard let text = request.queryValue(name) else { return nil }
        guard (1...maximumLength).contains(text.count) else {
            throw Self.invalid(name, "must be 1 to \(maximumLength) characters")
        }
        return text
    }

    func ids(_ name: String, maximum: Int) throws -> Set<Int64> {
        guard let text = request.queryValue(name) else { return [] }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= maximum else { throw Self.invalid(name, "lists at most \(maximum) ids") }
        var result = Set<Int64>()
        for part in parts {
            guard let id = PathParameters.parseId(String(part)) else {
                throw Self.invalid(name, "must be a comma-separated list of positive integers")
            }
            result.insert(id)
        }
        return result
    }

    func flag(_ name: String) throws -> Bool {
        guard let text = request.queryValue(name) else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default: throw Self.invalid(name, "must be true or false")
        }
    }

    static func invalid(_ name: String, _ rule: String) -> APIError {
        .badRequest("Query parameter '\(name)' \(rule).", errors: [FieldError(field: name, code: "invalid-parameter", message: rule)])
    }
}
