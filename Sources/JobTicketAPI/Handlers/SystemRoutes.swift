import HTTPServer
import JobTicketCore

/// Routes that need no credentials: the health check, the OpenAPI document, the problem-type pages.
public enum SystemRoutes {
    public static func routes(publicURL: String) -> [Route] {
        let openAPI = JSONWriter.bytes(OpenAPIDocument.document(publicURL: publicURL))
        return [
            Route("GET", "/health") { _, _ in .json(.object([("status", .string("ok"))])) },
            Route("GET", "/openapi.json") { _, _ in
                HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]), body: openAPI)
            },
            Route("GET", "/problems/{slug}") { _, context in
                guard let slug = context.parameters["slug"], let type = ProblemType(rawValue: slug) else {
                    throw APIError.notFound("No such problem type.")
                }
                return problemPage(type)
            },
        ]
    }

    static func problemPage(_ type: ProblemType) -> HTTPResponse {
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(type.title) — JobTicket API</title></head>
            <body><h1>\(type.title)</h1><p>HTTP status \(type.status). Problem type <code>\(type.rawValue)</code>.</p>
            <p>\(type.explanation)</p></body></html>

            """
        return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/html; charset=utf-8")]),
                            body: Array(html.utf8))
    }
}
