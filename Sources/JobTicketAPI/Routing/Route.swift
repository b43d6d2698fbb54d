import HTTPServer

/// A handler for one method on one path template.
public typealias Handler = @Sendable (HTTPRequest, RequestContext) async throws -> HTTPResponse

/// One method on one path template such as `/employees/{id}/documents`.
public struct Route: Sendable {
    public let method: String
    public let template: String
    public let requirement: AccessRequirement
    /// The largest request body accepted; `nil` means the application's default.
    public let bodyLimit: Int?
    public let handler: Handler
    let segments: [Segment]

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    public init(_ method: String, _ template: String, requirement: AccessRequirement = .none,
                bodyLimit: Int? = nil, handler: @escaping Handler) {
        self.method = method
        self.template = template
        self.requirement = requirement
        self.bodyLimit = bodyLimit
        self.handler = handler
        segments = template.split(separator: "/", omittingEmptySubsequences: true).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
    }

    /// The path parameters if the decoded, non-empty `pathSegments` fit this template.
    func match(_ pathSegments: [String]) -> [String: String]? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal): if literal != part { return nil }
            case .parameter(let name): parameters[name] = part
            }
        }
        return parameters
    }
}
