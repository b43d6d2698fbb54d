import JobTicketCore

/// Everything known about a request beyond its bytes, threaded through middleware to handlers.
public struct RequestContext: Sendable {
    public var requestId: String
    /// The matched route's template, e.g. `/employees/{id}` (what the access log records).
    public var routeTemplate: String
    public var requirement: AccessRequirement
    /// Path parameters by name, as matched (still text; handlers validate them).
    public var parameters: [String: String]
    /// Set by the authentication middleware.
    public var principal: Principal?
    public let annotations: RequestAnnotations

    public init(requestId: String, routeTemplate: String, requirement: AccessRequirement = .none,
                parameters: [String: String] = [:], principal: Principal? = nil,
                annotations: RequestAnnotations = RequestAnnotations()) {
        self.requestId = requestId
        self.routeTemplate = routeTemplate
        self.requirement = requirement
        self.parameters = parameters
        self.principal = principal
        self.annotations = annotations
    }
}
