import Foundation
import HTTPServer
import JobTicketCore
import JobTicketStore

/// HTTP Basic authentication with API keys (spec §2), the per-key rate limit (spec §4) and the
/// permission check (spec §3), in that order, for every route that requires permissions.
public struct AuthenticationMiddleware: Middleware {
    public static let challenge = #"Basic realm="JobTicket B2B API", charset="UTF-8""#

    let store: Store
    let policy: AccessPolicy
    let clock: Clock
    let logger: Logger
    let usage: KeyUsageRecorder
    let keys: KeyCache

    public init(store: Store, policy: AccessPolicy, clock: Clock, logger: Logger) {
        self.store = store
        self.policy = policy
        self.clock = clock
        self.logger = logger
        self.usage = KeyUsageRecorder(store: store, logger: logger)
        self.keys = KeyCache(ttl: policy.keyCacheSeconds)
    }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Handler) async throws -> HTTPResponse {
        guard case .permissions(let required) = context.requirement else { return try await next(request, context) }
        let now = clock.now()
        if let retryAfter = policy.failedAuthentications.blockedFor(ip: request.remoteAddress, now: now) {
            throw Self.rateLimited(retryAfter: retryAfter, detail: "Too many failed authentications from this address.")
        }
        let key: APIKey
        let apiAccessEnabled: Bool
        switch try await authenticate(request, now: now) {
        case .failure(let reason):
            try await refuse(request, reason: reason, now: now)
        case .success(let found):
            (key, apiAccessEnabled) = found
        }
        context.annotations.keyId = key.id
        let limit = key.rateLimit ?? policy.defaultRateLimit
        let decision = policy.rateLimiter.acquire(key: key.idString, limit: limit, window: 60, blockSeconds: policy.blockSeconds, now: now)
        let remaining: Int
        let reset: Int
        switch decision {
        case .limited(let retryAfter):
            var error = Self.rateLimited(retryAfter: retryAfter, detail: "This API key exceeded \(limit) requests per minute and is blocked.")
            Self.addRateLimitHeaders(&error.headers, limit: limit, remaining: 0, reset: retryAfter)
            throw error
        case .allowed(let left, let resetSeconds):
            (remaining, reset) = (left, resetSeconds)
        }
        usage.recordUse(of: key.id, at: clock.timestamp)
        var response: HTTPResponse
        do {
            try authorize(key: key, apiAccessEnabled: apiAccessEnabled, required: required)
            var authenticated = context
            authenticated.principal = Principal(keyId: key.id, companyId: key.companyId, permissions: key.permissions)
            response = try await next(request, authenticated)
        } catch var error as APIError {
            Self.addRateLimitHeaders(&error.headers, limit: limit, remaining: remaining, reset: reset)
            throw error
        }
        Self.addRateLimitHeaders(&response.headers, limit: limit, remaining: remaining, reset: reset)
        return response
    }

    /// Checks a request's head before its body is read: a blocked address or credentials that
    /// cannot be right (missing, malformed, other environment) are refused at once, so nobody
    /// makes the server buffer a large body it would refuse anyway. Needs no database.
    public func precheck(_ request: HTTPRequest) -> APIError? {
        let now = clock.now()
        if let retryAfter = policy.failedAuthentications.blockedFor(ip: request.remoteAddress, now: now) {
            return Self.rateLimited(retryAfter: retryAfter, detail: "Too many failed authentications from this address.")
        }
        guard case .failure(let reason) = Self.credentials(request, environment: policy.environment) else { return nil }
        let store = store
        let audit = failureAudit(request, reason: reason)
        Task { try? await store.write { try $0.appendAudit(audit) } }
        return refusal(request, reason: reason, now: now)
    }

    /// The key id and secret of a request, if they are well-formed for this environment.
    static func credentials(_ request: HTTPRequest, environment: DeploymentEnvironment) -> Result<(UUID, APIKeySecret), AuthenticationFailure> {
        let credentials: BasicCredentials
        switch BasicCredentials.parse(request.headers["Authorization"]) {
        case .failure(let reason): return .failure(reason)
        case .success(let parsed): credentials = parsed
        }
        guard credentials.user.utf8.count == 36, let keyId = UUID(uuidString: credentials.user) else {
            return .failure(.malformedKeyId)
        }
        switch APIKeySecret.parse(credentials.password) {
        case .failure: return .failure(.malformedSecret)
        case .success(let secret):
            return secret.environment == environment ? .success((keyId, secret)) : .failure(.otherEnvironment)
        }
    }

    private func authenticate(_ request: HTTPRequest, now: Double) async throws -> Result<(APIKey, Bool), AuthenticationFailure> {
        let keyId: UUID
        let secret: APIKeySecret
        switch Self.credentials(request, environment: policy.environment) {
        case .failure(let reason): return .failure(reason)
        case .success(let parsed): (keyId, secret) = parsed
        }
        let found: (key: APIKey, apiAccessEnabled: Bool)
        if let cached = keys.lookup(keyId, now: now) {
            found = cached
        } else {
            // A database failure is not a failed login: it propagates (503), uncounted.
            guard let stored = try await store.read({ try $0.apiKeyForAuthentication(id: keyId) }) else {
                return .failure(.unknownKey)
            }
            keys.store(stored.key, apiAccessEnabled: stored.apiAccessEnabled, now: now)
            found = stored
        }
        guard secret.matches(sha256: found.key.secretSHA256), found.key.environment == policy.environment else {
            return .failure(.wrongSecret)
        }
        switch found.key.status {
        case .enabled: break
        case .disabled: return .failure(.disabledKey)
        case .deleted: return .failure(.deletedKey)
        }
        if found.key.isExpired(at: Timestamp(secondsSinceEpoch: Int64(now))) { return .failure(.expiredKey) }
        return .success((found.key, found.apiAccessEnabled))
    }

    private func refuse(_ request: HTTPRequest, reason: AuthenticationFailure, now: Double) async throws -> Never {
        let audit = failureAudit(request, reason: reason)
        try? await store.write { try $0.appendAudit(audit) }
        throw refusal(request, reason: reason, now: now)
    }

    /// Counts the failure against the client's address and says how to answer it: 401, or 429
    /// once the address has failed too often.
    private func refusal(_ request: HTTPRequest, reason: AuthenticationFailure, now: Double) -> APIError {
        if let blocked = policy.failedAuthentications.recordFailure(ip: request.remoteAddress, now: now) {
            return Self.rateLimited(retryAfter: blocked, detail: "Too many failed authentications from this address.")
        }
        let detail = reason == .otherEnvironment
            ? "These credentials belong to the \(policy.environment == .staging ? "production" : "staging") environment; this is \(policy.environment.rawValue)."
            : "Missing or invalid credentials. Use HTTP Basic authentication with your API Key ID and API Key Secret."
        return APIError(.unauthorized, detail, headers: HTTPHeaders([("WWW-Authenticate", Self.challenge)]))
    }

    private func failureAudit(_ request: HTTPRequest, reason: AuthenticationFailure) -> AuditEvent {
        AuditEvent(at: clock.timestamp, companyId: nil, actor: "anonymous", action: "authentication.failed",
                   details: JSONWriter.string(.object([("reason", .string(reason.rawValue)), ("remote", .string(request.remoteAddress))])))
    }

    private func authorize(key: APIKey, apiAccessEnabled: Bool, required: Set<Permission>) throws {
        guard apiAccessEnabled else {
            throw APIError(.apiAccessDisabled, "API access is disabled for this company.")
        }
        let missing = required.subtracting(key.permissions).sorted()
        guard missing.isEmpty else {
            throw APIError(.forbidden, "This API key lacks the permissions: \(missing.map(\.rawValue).joined(separator: ", ")).",
                           extensions: [("missingPermissions", .array(missing.map { .string($0.rawValue) }))])
        }
    }

    static func rateLimited(retryAfter: Int, detail: String) -> APIError {
        APIError(.rateLimited, detail, headers: HTTPHeaders([("Retry-After", String(retryAfter))]))
    }

    static func addRateLimitHeaders(_ headers: inout HTTPHeaders, limit: Int, remaining: Int, reset: Int) {
        headers.set("RateLimit-Policy", "\"per-key\";q=\(limit);w=60")
        headers.set("RateLimit", "\"per-key\";r=\(remaining);t=\(reset)")
    }
}
