import HTTPServer

/// Finds the route for a method and path. `HEAD` is served by the `GET` route.
public struct Router: Sendable {
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        /// The path exists, but not for this method; `allowed` is the `Allow` header's list.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    public private(set) var routes: [Route] = []

    public init(_ routes: [Route] = []) {
        self.routes = routes
    }

    public mutating func add(_ route: Route) {
        routes.append(route)
    }

    public func match(method: String, path: String) -> Match {
        // Strict: an empty segment (`//`, a trailing `/`) matches no route.
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard !raw.isEmpty, let segment = PercentDecoding.decode(raw) else { return .notFound }
            segments.append(segment)
        }
        let effectiveMethod = method == "HEAD" ? "GET" : method
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.match(segments) else { continue }
            if route.method == effectiveMethod { return .found(route, parameters: parameters) }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        guard !allowed.isEmpty else { return .notFound }
        if allowed.contains("GET") { allowed.append("HEAD") }
        return .methodNotAllowed(allowed: allowed)
    }
}
