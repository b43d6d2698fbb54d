import HTTPServer
import JobTicketAPI
import Testing

/// A match reduced to comparable values.
enum Outcome: Equatable, CustomStringConvertible {
    case found(method: String, template: String, parameters: [String: String])
    case methodNotAllowed([String])
    case notFound

    init(_ match: Router.Match) {
        switch match {
        case .found(let route, let parameters): self = .found(method: route.method, template: route.template, parameters: parameters)
        case .methodNotAllowed(let allowed): self = .methodNotAllowed(allowed)
        case .notFound: self = .notFound
        }
    }

    var description: String {
        switch self {
        case .found(let method, let template, let parameters): "found \(method) \(template) \(parameters)"
        case .methodNotAllowed(let allowed): "405 \(allowed)"
        case .notFound: "404"
        }
    }
}

struct RouteCase: Sendable, CustomTestStringConvertible {
    let method: String
    let path: String
    let expected: Expected

    enum Expected: Sendable {
        case found(method: String, template: String, parameters: [String: String])
        case methodNotAllowed([String])
        case notFound
    }

    var outcome: Outcome {
        switch expected {
        case .found(let method, let template, let parameters): .found(method: method, template: template, parameters: parameters)
        case .methodNotAllowed(let allowed): .methodNotAllowed(allowed)
        case .notFound: .notFound
        }
    }

    var testDescription: String { "\(method) \(path)" }
}

@Suite struct RouterTests {
    static let router = Router([
        Route("GET", "/health") { _, _ in HTTPResponse(status: 200) },
        Route("GET", "/employees") { _, _ in HTTPResponse(status: 200) },
        Route("POST", "/employees") { _, _ in HTTPResponse(status: 201) },
        Route("GET", "/employees/{id}") { _, _ in HTTPResponse(status: 200) },
        Route("PATCH", "/employees/{id}") { _, _ in HTTPResponse(status: 200) },
        Route("GET", "/employees/{id}/documents/{documentId}") { _, _ in HTTPResponse(status: 200) },
        Route("POST", "/hr-integrations/{id}/sync") { _, _ in HTTPResponse(status: 200) },
        Route("DELETE", "/keys/{keyId}") { _, _ in HTTPResponse(status: 204) },
    ])

    static let cases: [RouteCase] = [
        RouteCase(method: "GET", path: "/health", expected: .found(method: "GET", template: "/health", parameters: [:])),
        RouteCase(method: "GET", path: "/employees", expected: .found(method: "GET", template: "/employees", parameters: [:])),
        RouteCase(method: "POST", path: "/employees", expected: .found(method: "POST", template: "/employees", parameters: [:])),
        RouteCase(method: "GET", path: "/employees/42",
                  expected: .found(method: "GET", template: "/employees/{id}", parameters: ["id": "42"])),
        RouteCase(method: "PATCH", path: "/employees/abc",
                  expected: .found(method: "PATCH", template: "/employees/{id}", parameters: ["id": "abc"])),
        RouteCase(method: "GET", path: "/employees/7/documents/9",
                  expected: .found(method: "GET", template: "/employees/{id}/documents/{documentId}",
                                   parameters: ["id": "7", "documentId": "9"])),
        RouteCase(method: "POST", path: "/hr-integrations/3/sync",
                  expected: .found(method: "POST", template: "/hr-integrations/{id}/sync", parameters: ["id": "3"])),
        // HEAD is served by the GET route.
        RouteCase(method: "HEAD", path: "/health", expected: .found(method: "GET", template: "/health", parameters: [:])),
        RouteCase(method: "HEAD", path: "/employees/5",
                  expected: .found(method: "GET", template: "/employees/{id}", parameters: ["id": "5"])),
        // Known path, wrong method: the allowed list in route order, HEAD added when GET is allowed.
        RouteCase(method: "DELETE", path: "/health", expected: .methodNotAllowed(["GET", "HEAD"])),
        RouteCase(method: "PUT", path: "/employees", expected: .methodNotAllowed(["GET", "POST", "HEAD"])),
        RouteCase(method: "DELETE", path: "/employees/1", expected: .methodNotAllowed(["GET", "PATCH", "HEAD"])),
        RouteCase(method: "GET", path: "/hr-integrations/3/sync", expected: .methodNotAllowed(["POST"])),
        RouteCase(method: "HEAD", path: "/hr-integrations/3/sync", expected: .methodNotAllowed(["POST"])),
        RouteCase(method: "GET", path: "/keys/x", expected: .methodNotAllowed(["DELETE"])),
        // Methods are case-sensitive tokens.
        RouteCase(method: "get", path: "/health", expected: .methodNotAllowed(["GET", "HEAD"])),
        // Unknown paths.
        RouteCase(method: "GET", path: "/nope", expected: .notFound),
        RouteCase(method: "GET", path: "/", expected: .notFound),
        RouteCase(method: "GET", path: "", expected: .notFound),
        RouteCase(method: "GET", path: "/employees/1/documents", expected: .notFound),
        RouteCase(method: "GET", path: "/employees/1/documents/2/extra", expected: .notFound),
        RouteCase(method: "GET", path: "/Health", expected: .notFound),
        RouteCase(method: "POST", path: "/hr-integrations/3/synchronise", expected: .notFound),
        // Strict segments: a trailing slash or an empty segment never matches.
        RouteCase(method: "GET", path: "/health/", expected: .notFound),
        RouteCase(method: "GET", path: "/employees/", expected: .notFound),
        RouteCase(method: "GET", path: "//employees", expected: .notFound),
        RouteCase(method: "GET", path: "/employees//documents/2", expected: .notFound),
        RouteCase(method: "GET", path: "/employees/1//", expected: .notFound),
        RouteCase(method: "GET", path: "/employees/7/documents/", expected: .notFound),
        RouteCase(method: "POST", path: "/hr-integrations//sync", expected: .notFound),
    ]

    @Test(arguments: cases)
    func match(_ example: RouteCase) {
        #expect(Outcome(Self.router.match(method: example.method, path: example.path)) == example.outcome)
    }

    @Test func anEmptyRouterFindsNothing() {
        #expect(Outcome(Router().match(method: "GET", path: "/health")) == .notFound)
    }

    @Test func addAppendsRoutesInOrder() {
        var router = Router()
        router.add(Route("POST", "/a/{x}") { _, _ in HTTPResponse(status: 200) })
        router.add(Route("GET", "/a/{y}") { _, _ in HTTPResponse(status: 200) })
        #expect(router.routes.map(\.template) == ["/a/{x}", "/a/{y}"])
        #expect(Outcome(router.match(method: "GET", path: "/a/1")) == .found(method: "GET", template: "/a/{y}", parameters: ["y": "1"]))
        #expect(Outcome(router.match(method: "PUT", path: "/a/1")) == .methodNotAllowed(["POST", "GET", "HEAD"]))
    }

    @Test func theFirstMatchingRouteWins() {
        let router = Router([
            Route("GET", "/items/new") { _, _ in HTTPResponse(status: 200) },
            Route("GET", "/items/{id}") { _, _ in HTTPResponse(status: 200) },
        ])
        #expect(Outcome(router.match(method: "GET", path: "/items/new")) == .found(method: "GET", template: "/items/new", parameters: [:]))
        #expect(Outcome(router.match(method: "GET", path: "/items/old"))
                == .found(method: "GET", template: "/items/{id}", parameters: ["id": "old"]))
    }

    @Test func theAllowListNamesEachMethodOnce() {
        // `/items/new` is matched by two GET routes; `Allow` must still say GET once.
        let router = Router([
            Route("GET", "/items/new") { _, _ in HTTPResponse(status: 200) },
            Route("GET", "/items/{id}") { _, _ in HTTPResponse(status: 200) },
            Route("DELETE", "/items/{id}") { _, _ in HTTPResponse(status: 204) },
        ])
        #expect(Outcome(router.match(method: "PUT", path: "/items/7")) == .methodNotAllowed(["GET", "DELETE", "HEAD"]))
        #expect(Outcome(router.match(method: "PUT", path: "/items/new")) == .methodNotAllowed(["GET", "DELETE", "HEAD"]))
    }

    @Test func routesKeepTheirOwnSettings() {
        let route = Route("POST", "/upload", requirement: .permissions([]), bodyLimit: 123) { _, _ in HTTPResponse(status: 200) }
        #expect(route.method == "POST")
        #expect(route.template == "/upload")
        #expect(route.bodyLimit == 123)
        #expect(route.requirement == .permissions([]))
        #expect(Route("GET", "/x") { _, _ in HTTPResponse(status: 200) }.bodyLimit == nil)
        #expect(Route("GET", "/x") { _, _ in HTTPResponse(status: 200) }.requirement == AccessRequirement.none)
    }
}
