import JobTicketCore

/// The deployment's access rules: which environment's keys it accepts and the rate limits.
public struct AccessPolicy: Sendable {
    public var environment: DeploymentEnvironment
    /// Requests per minute for keys without their own limit.
    public var defaultRateLimit: Int
    public var blockSeconds: Double
    /// How long a looked-up key is trusted before it is read again (0: every request reads it).
    public var keyCacheSeconds: Double
    public var rateLimiter: any RateLimiter
    public var failedAuthentications: FailedAuthenticationLimiter

    public init(environment: DeploymentEnvironment, defaultRateLimit: Int = 100, blockSeconds: Double = 300, keyCacheSeconds: Double = 1,
                rateLimiter: any RateLimiter = InMemoryRateLimiter(),
                failedAuthentications: FailedAuthenticationLimiter = FailedAuthenticationLimiter()) {
        self.environment = environment
        self.defaultRateLimit = defaultRateLimit
        self.blockSeconds = blockSeconds
        self.keyCacheSeconds = keyCacheSeconds
        self.rateLimiter = rateLimiter
        self.failedAuthentications = failedAuthentications
    }
}
