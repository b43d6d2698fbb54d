import HTTPServer
import JobTicketCore
import JobTicketStore

/// The whole HTTP application as one responder: routing, the middleware chain, problem JSON for
/// every error, `X-Request-Id` on every response, and one access-log line per request.
///
/// Tests call `respond(to:)` directly, without a socket.
public struct Application: HTTPResponder {
    public let router: Router
    public let middleware: [any Middleware]
    public let problems: ProblemRenderer
    public let logger: Logger
    /// Real time, for request durations (never the business clock that JOBTICKET_NOW fixes).
    public let clock: Clock
    public let requestIds: RequestIDGenerator
    /// Body limit for routes that do not set their own.
    public let defaultBodyLimit: Int
    /// Checks the head of a request with a body before the body is read (see `admit`).
    public let precheck: (@Sendable (HTTPRequest) -> APIError?)?
    /// Peers whose `X-Real-IP` / `X-Forwarded-For` name the real client (a reverse proxy).
    public let trustedProxies: TrustedProxies

    public init(router: Router, middleware: [any Middleware] = [], publicURL: String, logger: Logger,
                clock: Clock, requestIds: RequestIDGenerator, defaultBodyLimit: Int = 64 * 1024,
                precheck: (@Sendable (HTTPRequest) -> APIError?)? = nil, trustedProxies: TrustedProxies = TrustedProxies()) {
        self.router = router
        self.middleware = middleware
        self.problems = ProblemRenderer(publicURL: publicURL)
        self.logger = logger
        self.clock = clock
        self.requestIds = requestIds
        self.defaultBodyLimit = defaultBodyLimit
        self.precheck = precheck
        self.trustedProxies = trustedProxies
    }

    public func respond(to received: HTTPRequest) async -> HTTPResponse {
        let request = trustedProxies.resolvingClient(received)
        let started = clock.now()
        let requestId = requestIds.id(for: request)
        let annotations = RequestAnnotations()
        var template = "-"
        var response: HTTPResponse
        switch router.match(method: request.method, path: request.path) {
        case .found(let route, let parameters):
            template = route.template
            let context = RequestContext(requestId: requestId, routeTemplate: route.template, requirement: route.requirement,
                                         parameters: parameters, annotations: annotations)
            response = await run(route, request, context)
        case .methodNotAllowed(let allowed):
            let error = APIError(.methodNotAllowed, "\(request.method) is not allowed here; use \(allowed.joined(separator: ", ")).",
                                 headers: HTTPHeaders([("Allow", allowed.joined(separator: ", "))]))
            response = problems.response(error, instance: request.path, requestId: requestId)
        case .notFound:
            response = problems.response(.notFound("No such path."), instance: request.path, requestId: requestId)
        }
        response.headers.set("X-Request-Id", requestId)
        logAccess(request, template: template, status: response.status, bytes: response.body.count,
                  started: started, requestId: requestId, keyId: annotations.keyId?.uuidString.lowercased())
        return response
    }

    /// The answer to a request the transport refused (bad framing, body too large).
    public func transportErrorResponse(_ error: TransportError, request: HTTPRequest) -> HTTPResponse {
        let requestId = requestIds.id(for: request)
        let apiError: APIError = switch error {
        case .badFraming(let violation): .badRequest(violation.description)
        case .payloadTooLarge(let limit): APIError(.payloadTooLarge, "The body exceeds this endpoint's limit of \(limit) bytes.")
        case .overloaded: APIError(.unavailable, "The server is receiving too many request bodies; retry shortly.",
                                   headers: HTTPHeaders([("Retry-After", "1")]))
        case .shuttingDown: APIError(.unavailable, "The server is shutting down; retry shortly.",
                                     headers: HTTPHeaders([("Retry-After", "1")]))
        }
        var response = problems.response(apiError, instance: request.path, requestId: requestId)
        response.headers.set("X-Request-Id", requestId)
        logAccess(request, template: "-", status: response.status, bytes: response.body.count,
                  started: clock.now(), requestId: requestId, keyId: nil)
        return response
    }

    /// The transport's admission check for a request with a body: refuses it, before the body
    /// is read, when its route needs credentials that the head already shows to be unusable.
    public func admit(_ received: HTTPRequest) -> HTTPResponse? {
        guard let precheck, case .found(let route, _) = router.match(method: received.method, path: received.path),
              case .permissions = route.requirement else { return nil }
        let request = trustedProxies.resolvingClient(received)
        guard let error = precheck(request) else { return nil }
        let requestId = requestIds.id(for: request)
        var response = problems.response(error, instance: request.path, requestId: requestId)
        response.headers.set("X-Request-Id", requestId)
        logAccess(request, template: route.template, status: response.status, bytes: response.body.count,
                  started: clock.now(), requestId: requestId, keyId: nil)
        return response
    }

    /// The body limit the transport enforces for a method and path.
    public func bodyLimit(method: String, path: String) -> Int {
        if case .found(let route, _) = router.match(method: method, path: path) {
            return route.bodyLimit ?? defaultBodyLimit
        }
        return defaultBodyLimit
    }

    private func run(_ route: Route, _ request: HTTPRequest, _ context: RequestContext) async -> HTTPResponse {
        let chain = middleware.reversed().reduce(route.handler) { next, step in
            { request, context in try await step.handle(request, context: context, next: next) }
        }
        do {
            return try await chain(request, context)
        } catch let error as APIError {
            return problems.response(error, instance: request.path, requestId: context.requestId)
        } catch let error as StoreError {
            // A uniqueness rule broken by data that passed validation (e.g. a race): a conflict, not a crash.
            let problem = APIError(.conflict, "The request conflicts with the current data: \(error.description)")
            return problems.response(problem, instance: request.path, requestId: context.requestId)
        } catch let error as SQLiteError where error.isTemporary {
            logger.error("database unavailable", [("requestId", .string(context.requestId)), ("route", .string(route.template)),
                                                  ("code", .int(Int(error.code)))])
            let problem = APIError(.unavailable, "The database is temporarily unavailable. Retry shortly.",
                                   headers: HTTPHeaders([("Retry-After", "1")]))
            return problems.response(problem, instance: request.path, requestId: context.requestId)
        } catch {
            logger.error("unhandled error", [("requestId", .string(context.requestId)), ("route", .string(route.template)),
                                             ("error", .string(String(describing: type(of: error))))])
            let problem = APIError(.internalError, "An unexpected error occurred. Quote the request id when contacting support.")
            return problems.response(problem, instance: request.path, requestId: context.requestId)
        }
    }

    private func logAccess(_ request: HTTPRequest, template: String, status: Int, bytes: Int, started: Double,
                           requestId: String, keyId: String?) {
        let milliseconds = ((clock.now() - started) * 1000 * 1000).rounded() / 1000
        logger.info("request", [
            ("method", .string(request.method)), ("route", .string(template)), ("status", .int(status)),
            ("durationMs", .number(String(milliseconds))), ("requestId", .string(requestId)),
            ("bytes", .int(bytes)), ("keyId", .string(keyId)), ("remote", .string(request.remoteAddress)),
        ])
    }
}
