/// A JSON document as a value. Objects keep their key order, so the wire shapes we emit are
/// exactly the documented ones, `null`s included (Foundation's encoders drop `nil` keys).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer, emitted without a fraction.
    case int(Int)
    /// A number emitted as given, e.g. `29.00` from `.decimal("29.00")`; parsed numbers with a
    /// fraction or exponent arrive here too, with their original text.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.elementsEqual(b) { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The value of `key` in an object (nil for a missing key or a non-object).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectKeys: [String]? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.map(\.0)
    }

    /// A string or `null` for an optional string.
    public static func string(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The JSON kind as it is named in error messages: `string`, `number`, `object`…
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
