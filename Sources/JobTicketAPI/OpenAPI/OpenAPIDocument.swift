import JobTicketCore

/// The OpenAPI 3.1 description of every endpoint the server has (served at `/openapi.json`).
/// Tests validate real responses against it, so it cannot drift from the handlers.
public enum OpenAPIDocument {
    public static func document(publicURL: String) -> JSONValue {
        .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("JobTicket B2B API")), ("version", .string("1.0.0")),
                ("description", .string("Employers and HR platforms manage employees' monthly public-transport job ticket subscriptions. "
                    + "Authenticate with HTTP Basic: API Key ID as user name, API Key Secret as password. "
                    + "Errors are RFC 9457 problem documents; see \(publicURL)/problems/<type>.")),
            ])),
            ("servers", .array([.object([("url", .string(publicURL))])])),
            ("security", .array([.object([("basicAuth", .array([]))])])),
            ("paths", .object(paths)),
            ("components", .object([
                ("securitySchemes", .object([("basicAuth", .object([
                    ("type", .string("http")), ("scheme", .string("basic")),
                    ("description", .string("API Key ID (lowercase UUID) and API Key Secret (jt_live_… or jt_test_…).")),
                ]))])),
                ("headers", .object(OpenAPIResponses.headers)),
                ("schemas", .object(OpenAPISchemas.all)),
            ])),
        ])
    }

    private static let id = OpenAPIParameters.path("id", "The resource's id.")

    private static var paths: [(String, JSONValue)] {
        [
            ("/health", .object([("get", publicOperation("health", "Liveness check.", OpenAPIResponses.json("Alive.", Schema.ref("Health"))))])),
            ("/openapi.json", .object([("get", publicOperation("openapi", "This document.",
                                                               OpenAPIResponses.json("The OpenAPI document.", .object([("type", .string("object"))]))))])),
            ("/employees", .object([("get", read("listEmployees", "List Employees", [.viewEmployees],
                                                 OpenAPIParameters.paging(EmployeeSortField.self) + OpenAPIParameters.employeeFilters,
                                                 OpenAPISchemas.list("Employee"), notFound: false))])),
            ("/employees/{id}", .object([("get", read("getEmployee", "Get Employee", [.viewEmployees], [id], OpenAPISchemas.single("Employee"),
                                                      example: OpenAPIExamples.employee))])),
            ("/employees/{id}/documents", .object([("get", read("listEmployeeDocuments", "List Employee Documents", [.viewEmployees],
                                                                [id] + OpenAPIParameters.paging(DocumentSortField.self),
                                                                OpenAPISchemas.list("EmployeeDocument")))])),
            ("/employee-documents", .object([("get", read("listDocuments", "List All Documents", [.viewEmployees],
                                                          OpenAPIParameters.paging(DocumentSortField.self) + [
                                                              OpenAPIParameters.query("employeeId", "Documents of this employee only.",
                                                                                      Schema.integer(minimum: 1, maximum: OpenAPIParameters.maximumId)),
                                                          ], OpenAPISchemas.list("EmployeeDocument"), notFound: false))])),
            ("/employee-documents/{id}", .object([("get", read("getDocument", "Get Document", [.viewEmployees], [id],
                                                               OpenAPISchemas.single("EmployeeDocument")))])),
            ("/employee-documents/{id}/download", .object([("get", download)])),
            ("/hr-integrations", .object([("get", read("listHRIntegrations", "List HR Integrations", [.viewHRIntegrations],
                                                       OpenAPIParameters.paging(HRIntegrationSortField.self) + [
                                                           OpenAPIParameters.query("status", "Comma-separated integration statuses.",
                                                                                   OpenAPIParameters.list(of: HRIntegrationStatus.allCases.map(\.rawValue))),
                                                       ], OpenAPISchemas.list("HRIntegration"), notFound: false))])),
            ("/hr-integrations/{id}", .object([("get", read("getHRIntegration", "Get HR Integration", [.viewHRIntegrations], [id],
                                                            OpenAPISchemas.single("HRIntegration")))])),
            ("/hr-integrations/{id}/sync", .object([("post", OpenAPISync.trigger)])),
            ("/hr-integrations/{id}/syncs", .object([("get", read("listSyncRuns", "List sync runs, newest first", [.viewHRIntegrations],
                                                                  [id, OpenAPIParameters.paging(DocumentSortField.self)[0],
                                                                   OpenAPIParameters.paging(DocumentSortField.self)[1]],
                                                                  OpenAPISchemas.list("SyncRun")))])),
            ("/hr-integrations/{id}/syncs/{syncId}", .object([("get", read("getSyncRun", "Get a sync run", [.viewHRIntegrations], [
                id, .object([("name", .string("syncId")), ("in", .string("path")), ("required", .bool(true)),
                             ("schema", Schema.string(minLength: 1, maxLength: 128, pattern: "^[!-~]+$"))]),
            ], OpenAPISchemas.single("SyncRun")))])),
        ]
    }

    private static func publicOperation(_ operationId: String, _ summary: String, _ ok: JSONValue) -> JSONValue {
        .object([
            ("operationId", .string(operationId)), ("summary", .string(summary)), ("security", .array([])),
            ("responses", .object([("200", ok), ("405", OpenAPIResponses.problem("Method not allowed.", headers: ["Allow"]))])),
        ])
    }

    static func permissionsText(_ permissions: [Permission]) -> String {
        "Requires the permission\(permissions.count > 1 ? "s" : "") " + permissions.map { "`\($0.rawValue)`" }.joined(separator: ", ") + "."
    }

    private static func read(_ operationId: String, _ summary: String, _ permissions: [Permission], _ parameters: [JSONValue],
                             _ schema: JSONValue, notFound: Bool = true, example: JSONValue? = nil) -> JSONValue {
        var responses: [(String, JSONValue)] = [
            ("200", OpenAPIResponses.json("OK.", schema, headers: ["RateLimit-Policy", "RateLimit"], example: example)),
            ("400", OpenAPIResponses.problem("An invalid query parameter or path id.")),
        ]
        responses.append(("404", OpenAPIResponses.problem(notFound ? "No such resource for this company." : "Unknown path.")))
        responses += OpenAPIResponses.authenticatedErrors
        return .object([
            ("operationId", .string(operationId)), ("summary", .string(summary)),
            ("description", .string(permissionsText(permissions))),
            ("parameters", .array(parameters)), ("responses", .object(responses)),
        ])
    }

    private static var download: JSONValue {
        var responses: [(String, JSONValue)] = [
            ("200", .object([
                ("description", .string("The file, with Content-Disposition and a strong ETag.")),
                ("headers", .object([
                    ("X-Request-Id", OpenAPIResponses.header("X-Request-Id")),
                    ("ETag", .object([("required", .bool(true)), ("schema", Schema.string(pattern: "^\"[0-9a-f]{64}\"$"))])),
                    ("Content-Disposition", .object([("required", .bool(true)), ("schema", Schema.string(pattern: "^attachment; filename=\""))])),
                ])),
                ("content", .object([("application/pdf", .object([("schema", .object([("type", .string("string")),
                                                                                      ("contentMediaType", .string("application/pdf"))]))]))])),
            ])),
            ("304", .object([("description", .string("Not modified (If-None-Match matched the ETag)."))])),
            ("400", OpenAPIResponses.problem("An invalid path id.")),
            ("404", OpenAPIResponses.problem("No such document for this company.")),
            ("409", OpenAPIResponses.problem("The document is not downloadable (`document-not-downloadable`).")),
        ]
        responses += OpenAPIResponses.authenticatedErrors
        return .object([
            ("operationId", .string("downloadDocument")), ("summary", .string("Download Document")),
            ("description", .string(permissionsText([.viewEmployees]))),
            ("parameters", .array([id, .object([("name", .string("If-None-Match")), ("in", .string("header")), ("required", .bool(false)),
                                                 ("schema", Schema.string())])])),
            ("responses", .object(responses)),
        ])
    }
}
