/// Path ids: positive integers, anything else is a 400 (spec §7).
enum PathParameters {
    static func id(_ context: RequestContext, _ name: String = "id") throws -> Int64 {
        guard let text = context.parameters[name], let value = parseId(text) else {
            throw APIError.badRequest("Path parameter '\(name)' must be a positive integer.",
                                      errors: [FieldError(field: name, code: "invalid-parameter", message: "must be a positive integer")])
        }
        return value
    }

    /// Plain decimal digits only (no sign, no spaces), 1 to 2^63-1.
    static func parseId(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.count <= 19, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let value = Int64(text), value > 0 else { return nil }
        return value
    }
}
