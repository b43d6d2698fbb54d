import HTTPServer
import JobTicketCore

/// Reads a JSON request body: `Content-Type: application/json` (415 otherwise), valid JSON (400).
enum JSONBody {
    /// Values one body may hold: a full 200,000-employee roster with absences stays well below,
    /// while a body of bare numbers cannot make the server build tens of millions of values.
    static let maximumValues = 5_000_000

    static func parse(_ request: HTTPRequest) throws -> JSONValue {
        let mediaType = request.headers["Content-Type"]?.split(separator: ";").first?
            .trimmingWhitespace().lowercased()
        guard mediaType == "application/json" else {
            throw APIError(.unsupportedMediaType, "Send the body with Content-Type: application/json.")
        }
        do {
            return try JSONParser.parse(request.body, maximumValues: maximumValues)
        } catch {
            throw APIError.badRequest("The body is not valid JSON: \(error.description)")
        }
    }
}
