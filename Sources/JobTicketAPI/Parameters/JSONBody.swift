import Foundation
import HTTPServer
import JobTicketCore

/// Reads a JSON request body: `Content-Type: application/json` (415 otherwise), valid JSON (400).
enum JSONBody {
    static func parse(_ request: HTTPRequest) throws -> JSONValue {
        let mediaType = request.headers["Content-Type"]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" else {
            throw APIError(.unsupportedMediaType, "Send the body with Content-Type: application/json.")
        }
        do {
            return try JSONParser.parse(request.body)
        } catch {
            throw APIError.badRequest("The body is not valid JSON: \(error.description)")
        }
    }
}
