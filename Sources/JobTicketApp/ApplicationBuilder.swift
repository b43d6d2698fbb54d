import JobTicketAPI
import JobTicketCore

/// Wires an opened deployment into the HTTP application. Tests build through it too.
public struct ApplicationBuilder: Sendable {
    public let deployment: Deployment
    public let logger: Logger
    public let policy: AccessPolicy
    /// Real time for rate-limit windows, key expiry, `lastUsedAt` and request durations. Unlike the deployment's
    /// business clock it never honours JOBTICKET_NOW: a fixed "now" must not freeze a window.
    public let accessClock: Clock

    public init(deployment: Deployment, logger: Logger, policy: AccessPolicy? = nil, accessClock: Clock = .system) {
        self.deployment = deployment
        self.logger = logger
        self.accessClock = accessClock
        let configuration = deployment.configuration
        self.policy = policy ?? AccessPolicy(
            environment: configuration.environment, defaultRateLimit: configuration.rateLimit,
            blockSeconds: Double(configuration.rateLimitBlockSeconds), keyCacheSeconds: Double(configuration.keyCacheSeconds),
            failedAuthentications: FailedAuthenticationLimiter(limit: configuration.authFailureLimit,
                                                               blockSeconds: Double(configuration.rateLimitBlockSeconds)))
    }

    public func build() -> Application {
        let configuration = deployment.configuration
        let services = APIServices(store: deployment.store, clock: deployment.clock, publicURL: configuration.publicURL,
                                   random: deployment.random, syncBodyLimit: configuration.syncBodyLimit)
        let authentication = AuthenticationMiddleware(store: deployment.store, policy: policy, clock: accessClock, logger: logger)
        return Application(router: Router(APIRoutes.all(services)), middleware: [authentication], publicURL: configuration.publicURL,
                           logger: logger, clock: accessClock, requestIds: .ulid(clock: accessClock),
                           defaultBodyLimit: configuration.bodyLimit, precheck: authentication.precheck,
                           trustedProxies: TrustedProxies(configuration.trustedProxies))
    }
}
