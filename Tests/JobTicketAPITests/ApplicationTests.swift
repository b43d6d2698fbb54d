import Foundation
import HTTPServer
import JobTicketAPI
import JobTicketCore
import Synchronization
import Testing

/// Collects every line the logger writes.
private final class LogRecorder: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    func append(_ line: String) { storage.withLock { $0.append(line) } }

    /// The parsed access-log lines (`"msg": "request"`).
    func accessLines() throws -> [JSONValue] {
        try lines.map { try JSONParser.parse(Array($0.utf8)) }.filter { $0["msg"] == .string("request") }
    }
}

/// Hands out `generated-1`, `generated-2`, … in order.
private final class IDSequence: Sendable {
    private let next = Mutex(0)
    func take() -> String { next.withLock { $0 += 1; return "generated-\($0)" } }
}

private struct SecretFailure: Error, CustomStringConvertible {
    var description: String { "database password hunter2 leaked" }
}

/// Plays authentication: any `Authorization` header makes `keyId` the caller.
private struct FakeAuthentication: Middleware {
    static let keyId = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!

    func handle(_ request: HTTPRequest, context: RequestContext, next: Handler) async throws -> HTTPResponse {
        guard request.headers["Authorization"] != nil else {
            return try await next(request, context)
        }
        context.annotations.keyId = Self.keyId
        return try await next(request, context)
    }
}

/// Counts calls: 0, 1, 2, …
private final class CallCounter: Sendable {
    private let count = Mutex(0)
    func next() -> Int {
        count.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}

/// Records the order in which middleware and handler run.
private final class Trace: Sendable {
    let steps = Mutex<[String]>([])
    func add(_ step: String) { steps.withLock { $0.append(step) } }
}

private struct Tracing: Middleware {
    let name: String
    let trace: Trace
    func handle(_ request: HTTPRequest, context: RequestContext, next: Handler) async throws -> HTTPResponse {
        trace.add(name)
        var response = try await next(request, context)
        response.headers.add("X-Trace", name)
        return response
    }
}

private let publicURL = "https://api.example.test"
private let now = Timestamp(iso8601: "2024-05-10T08:00:00Z")!

private func fieldErrors(_ count: Int) -> [FieldError] {
    (0..<count).map { FieldError(field: "employees[\($0)].email", code: "invalid-email", message: "is not a valid e-mail address") }
}

private func testRoutes(trace: Trace = Trace()) -> [Route] {
    SystemRoutes.routes(publicURL: "https://api.example.test") + [
        Route("GET", "/items/{id}") { _, context in
            trace.add("handler")
            return .data(.object([("id", .string(context.parameters["id"] ?? "?")), ("route", .string(context.routeTemplate))]))
        },
        Route("POST", "/items", bodyLimit: 5000) { request, _ in
            .json(.object([("received", .int(request.body.count))]), status: 201)
        },
        Route("DELETE", "/items/{id}") { _, _ in HTTPResponse(status: 204) },
        Route("GET", "/boom") { _, _ in throw SecretFailure() },
        Route("GET", "/invalid") { _, _ in
            throw APIError(.validationFailed, "150 employees in the roster are invalid.", errors: fieldErrors(150))
        },
        Route("GET", "/limited") { _, _ in
            throw APIError(.rateLimited, "Slow down.", headers: HTTPHeaders([("Retry-After", "30")]),
                           extensions: [("limit", .int(100))])
        },
    ]
}

private func makeApplication(
    middleware: [any Middleware] = [FakeAuthentication()], clock: Clock = .fixed(now), trace: Trace = Trace()
) -> (Application, LogRecorder) {
    let recorder = LogRecorder()
    let ids = IDSequence()
    let logger = Logger(level: .info, format: .json, clock: .fixed(now), sink: { recorder.append($0) })
    let application = Application(
        router: Router(testRoutes(trace: trace)), middleware: middleware, publicURL: publicURL, logger: logger, clock: clock,
        requestIds: RequestIDGenerator { ids.take() }, defaultBodyLimit: 1234)
    return (application, recorder)
}

private func text(_ response: HTTPResponse) -> String {
    String(decoding: response.body, as: UTF8.self)
}

private func json(_ response: HTTPResponse) throws -> JSONValue {
    try JSONParser.parse(response.body)
}

@Suite struct ApplicationTests {
    @Test func healthIsExactlyStatusOK() async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/health"))
        #expect(response.status == 200)
        #expect(text(response) == #"{"status":"ok"}"#)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.headers.values("Content-Type").count == 1)
        #expect(response.headers["X-Request-Id"] == "generated-1")
    }

    @Test func pathParametersReachTheHandler() async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/items/abc-9"))
        #expect(response.status == 200)
        #expect(text(response) == #"{"data":{"id":"abc-9","route":"/items/{id}"}}"#)
    }

    @Test func unknownPathIsANotFoundProblem() async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/nope"))
        #expect(response.status == 404)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["X-Request-Id"] == "generated-1")
        let body = try json(response)
        #expect(body.objectKeys == ["type", "title", "status", "detail", "instance", "requestId"])
        #expect(body["type"] == .string("https://api.example.test/problems/not-found"))
        #expect(text(response) == """
            {"type":"https://api.example.test/problems/not-found","title":"Not found","status":404,\
            "detail":"No such path.","instance":"/nope","requestId":"generated-1"}
            """)
    }

    @Test func wrongMethodIsAMethodNotAllowedProblemWithAllow() async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "PUT", path: "/items/1"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "GET, DELETE, HEAD")
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let body = try json(response)
        #expect(body.objectKeys == ["type", "title", "status", "detail", "instance", "requestId"])
        #expect(body["type"] == .string("https://api.example.test/problems/method-not-allowed"))
        #expect(body["title"] == .string("Method not allowed"))
        #expect(body["status"] == .int(405))
        #expect(body["detail"] == .string("PUT is not allowed here; use GET, DELETE, HEAD."))
        #expect(body["instance"] == .string("/items/1"))
    }

    @Test func headIsServedByTheGetRoute() async throws {
        let (application, recorder) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "HEAD", path: "/health"))
        #expect(response.status == 200)
        #expect(try recorder.accessLines().first?["route"] == .string("/health"))
        #expect(try recorder.accessLines().first?["method"] == .string("HEAD"))
    }

    @Test func unexpectedErrorsBecomeInternalErrorsWithoutTheirText() async throws {
        let (application, recorder) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/boom"))
        #expect(response.status == 500)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let body = try json(response)
        #expect(body["type"] == .string("https://api.example.test/problems/internal-error"))
        #expect(body["status"] == .int(500))
        #expect(body["requestId"] == .string("generated-1"))
        #expect(body["requestId"] == response.headers["X-Request-Id"].map(JSONValue.string))
        #expect(!text(response).contains("hunter2"))
        #expect(!text(response).contains("SecretFailure"))
        #expect(!recorder.lines.contains { $0.contains("hunter2") })
        let errorLine = try #require(try recorder.lines.map { try JSONParser.parse(Array($0.utf8)) }.first { $0["level"] == .string("error") })
        #expect(errorLine["requestId"] == .string("generated-1"))
        #expect(errorLine["route"] == .string("/boom"))
    }

    @Test func aProblemListsAtMostOneHundredErrors() async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/invalid"))
        #expect(response.status == 422)
        let body = try json(response)
        #expect(body.objectKeys == ["type", "title", "status", "detail", "instance", "requestId", "errors"])
        let errors = try #require(body["errors"]?.arrayValue)
        #expect(errors.count == 100)
        #expect(errors.first == .object([("field", .string("employees[0].email")), ("code", .string("invalid-email")),
                                         ("message", .string("is not a valid e-mail address"))]))
        #expect(errors.last?["field"] == .string("employees[99].email"))
        #expect(body["detail"] == .string("150 employees in the roster are invalid."))
    }

    @Test func problemExtensionsAndHeadersAreKept() async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/limited"))
        #expect(response.status == 429)
        #expect(response.headers["Retry-After"] == "30")
        #expect(try json(response).objectKeys == ["type", "title", "status", "detail", "instance", "requestId", "limit"])
        #expect(try json(response)["limit"] == .int(100))
    }

    @Test(arguments: ["abc", "01J9Z3ABCDEF", "client.request_id:42-x", String(repeating: "a", count: 128), "Z"])
    func saneRequestIdsAreEchoed(_ offered: String) async throws {
        let (application, recorder) = makeApplication()
        let response = await application.respond(
            to: HTTPRequest(method: "GET", path: "/nope", headers: HTTPHeaders([("x-request-id", offered)])))
        #expect(response.headers.values("X-Request-Id") == [offered])
        #expect(try json(response)["requestId"] == .string(offered))
        #expect(try recorder.accessLines().first?["requestId"] == .string(offered))
    }

    @Test(arguments: ["has space", String(repeating: "a", count: 200), String(repeating: "b", count: 129), "",
                      "naïve", "a/b", "a\"b", "line\nbreak", "{\"json\":1}"])
    func insaneRequestIdsAreReplaced(_ offered: String) async throws {
        let (application, recorder) = makeApplication()
        let response = await application.respond(
            to: HTTPRequest(method: "GET", path: "/health", headers: HTTPHeaders([("X-Request-Id", offered)])))
        #expect(response.headers.values("X-Request-Id") == ["generated-1"])
        #expect(try recorder.accessLines().first?["requestId"] == .string("generated-1"))
    }

    @Test func theAccessLogLineHasTheAgreedFields() async throws {
        let (application, recorder) = makeApplication()
        let secret = "Basic NmY5NjE5ZmY6anRfdGVzdF9zZWNyZXQ="
        let body = Array(#"{"name":"private payload 4711"}"#.utf8)
        let response = await application.respond(to: HTTPRequest(
            method: "GET", path: "/items/17", query: [(name: "q", value: "x")],
            headers: HTTPHeaders([("Authorization", secret), ("X-Request-Id", "trace-1")]), body: body,
            remoteAddress: "192.0.2.7"))
        #expect(response.status == 200)

        #expect(recorder.lines.count == 1)
        let line = try #require(recorder.lines.first)
        #expect(!line.contains("NmY5NjE5ZmY6anRfdGVzdF9zZWNyZXQ"))
        #expect(!line.contains("private payload"))
        #expect(!line.contains("4711"))
        let entry = try JSONParser.parse(Array(line.utf8))
        #expect(entry.objectKeys == ["time", "level", "msg", "method", "route", "status", "durationMs", "requestId",
                                     "bytes", "keyId", "remote"])
        #expect(entry["time"] == .string("2024-05-10T08:00:00.000Z"))
        #expect(entry["level"] == .string("info"))
        #expect(entry["method"] == .string("GET"))
        #expect(entry["route"] == .string("/items/{id}"))
        #expect(entry["status"] == .int(200))
        #expect(entry["durationMs"] == .number("0.0"))
        #expect(entry["requestId"] == .string("trace-1"))
        #expect(entry["bytes"] == .int(response.body.count))
        #expect(entry["keyId"] == .string("6f9619ff-8b86-d011-b42d-00c04fc964ff"))
        #expect(entry["remote"] == .string("192.0.2.7"))
    }

    @Test func theAccessLogMeasuresTheDuration() async throws {
        let calls = CallCounter()
        let stepping = Clock { 1_715_328_000 + Double(calls.next()) * 0.0125 }
        let (application, recorder) = makeApplication(clock: stepping)
        _ = await application.respond(to: HTTPRequest(method: "GET", path: "/health"))
        #expect(try recorder.accessLines().first?["durationMs"] == .number("12.5"))
    }

    @Test func unmatchedRequestsAreLoggedWithADashRouteAndNoKey() async throws {
        let (application, recorder) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/nope"))
        let entry = try #require(try recorder.accessLines().first)
        #expect(entry["route"] == .string("-"))
        #expect(entry["status"] == .int(404))
        #expect(entry["keyId"] == .null)
        #expect(entry["bytes"] == .int(response.body.count))
    }

    @Test func middlewareRunsInOrderAroundTheHandler() async throws {
        let trace = Trace()
        let (application, _) = makeApplication(
            middleware: [Tracing(name: "first", trace: trace), Tracing(name: "second", trace: trace)], trace: trace)
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/items/1"))
        #expect(trace.steps.withLock { $0 } == ["first", "second", "handler"])
        #expect(response.headers.values("X-Trace") == ["second", "first"])
    }

    @Test func problemPagesAreHTML() async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/problems/validation-failed"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(text(response).hasPrefix("<!doctype html>"))
        #expect(text(response).contains("<h1>Validation failed</h1>"))
        #expect(text(response).contains("<code>validation-failed</code>"))
        #expect(text(response).contains("HTTP status 422"))
    }

    @Test(arguments: ProblemType.allCases)
    func everyProblemTypeHasAPage(_ type: ProblemType) async throws {
        let (application, _) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/problems/\(type.rawValue)"))
        #expect(response.status == 200)
        #expect(text(response).contains("<h1>\(type.title)</h1>"))
        #expect(text(response).contains("HTTP status \(type.status)"))
    }

    @Test func anUnknownProblemPageIsNotFound() async throws {
        let (application, recorder) = makeApplication()
        let response = await application.respond(to: HTTPRequest(method: "GET", path: "/problems/nope"))
        #expect(response.status == 404)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(try json(response)["detail"] == .string("No such problem type."))
        #expect(try json(response)["instance"] == .string("/problems/nope"))
        #expect(try recorder.accessLines().first?["route"] == .string("/problems/{slug}"))
    }

    static let framingViolations: [FramingViolation] = [
        .duplicateContentLength, .invalidContentLength, .contentLengthWithTransferEncoding,
        .unsupportedTransferEncoding, .whitespaceInHeaderName, .missingHost, .duplicateHost,
    ]

    @Test(arguments: framingViolations)
    func badFramingIsABadRequestProblem(_ violation: FramingViolation) throws {
        let (application, recorder) = makeApplication()
        let response = application.transportErrorResponse(.badFraming(violation), request: HTTPRequest(method: "POST", path: "/items"))
        #expect(response.status == 400)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["X-Request-Id"] == "generated-1")
        #expect(text(response) == """
            {"type":"https://api.example.test/problems/bad-request","title":"Bad request","status":400,\
            "detail":"\(violation.description)","instance":"/items","requestId":"generated-1"}
            """)
        let entry = try #require(try recorder.accessLines().first)
        #expect(entry["status"] == .int(400))
        #expect(entry["route"] == .string("-"))
    }

    @Test func anOversizedBodyIsAPayloadTooLargeProblem() throws {
        let (application, recorder) = makeApplication()
        let response = application.transportErrorResponse(
            .payloadTooLarge(limit: 5000),
            request: HTTPRequest(method: "POST", path: "/items", headers: HTTPHeaders([("X-Request-Id", "client-7")])))
        #expect(response.status == 413)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["X-Request-Id"] == "client-7")
        #expect(text(response) == """
            {"type":"https://api.example.test/problems/payload-too-large","title":"Payload too large","status":413,\
            "detail":"The body exceeds this endpoint's limit of 5000 bytes.","instance":"/items","requestId":"client-7"}
            """)
        #expect(try recorder.accessLines().first?["status"] == .int(413))
    }

    @Test(arguments: [
        ("POST", "/items", 5000), ("GET", "/items/3", 1234), ("HEAD", "/items/3", 1234), ("PUT", "/items", 1234),
        ("POST", "/unknown", 1234), ("DELETE", "/items/3", 1234),
    ])
    func bodyLimitIsTheRoutesOwnOrTheDefault(_ method: String, _ path: String, _ limit: Int) {
        let (application, _) = makeApplication()
        #expect(application.bodyLimit(method: method, path: path) == limit)
    }

    @Test func eachRequestGetsAFreshGeneratedId() async throws {
        let (application, _) = makeApplication()
        let first = await application.respond(to: HTTPRequest(method: "GET", path: "/health"))
        let second = await application.respond(to: HTTPRequest(method: "GET", path: "/health"))
        #expect(first.headers["X-Request-Id"] == "generated-1")
        #expect(second.headers["X-Request-Id"] == "generated-2")
    }
}
