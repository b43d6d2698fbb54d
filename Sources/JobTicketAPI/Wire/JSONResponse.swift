import HTTPServer
import JobTicketCore

extension HTTPResponse {
    /// A JSON response with the contract's content type.
    public static func json(_ value: JSONValue, status: Int = 200, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        var headers = headers
        headers.set("Content-Type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: JSONWriter.bytes(value))
    }

    /// `{"data": …}`, the single-resource envelope of spec §5.1.
    public static func data(_ value: JSONValue, status: Int = 200, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        json(.object([("data", value)]), status: status, headers: headers)
    }
}
