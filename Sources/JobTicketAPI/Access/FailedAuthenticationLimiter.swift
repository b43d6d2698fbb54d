/// Limits failed authentications per client IP before any key lookup, so secrets cannot be
/// guessed at scale and guessing never touches another tenant's quota.
public struct FailedAuthenticationLimiter: Sendable {
    public let limiter: any RateLimiter
    public let limit: Int
    public let blockSeconds: Double

    public init(limiter: any RateLimiter = InMemoryRateLimiter(), limit: Int = 30, blockSeconds: Double = 300) {
        self.limiter = limiter
        self.limit = limit
        self.blockSeconds = blockSeconds
    }

    /// Seconds until the IP may try again, if it is blocked now.
    public func blockedFor(ip: String, now: Double) -> Int? {
        limiter.blockedFor(key: ip, now: now)
    }

    /// Records one failure; returns the block's length if this failure started one.
    public func recordFailure(ip: String, now: Double) -> Int? {
        if case .limited(let retryAfter) = limiter.acquire(key: ip, limit: limit, window: 60, blockSeconds: blockSeconds, now: now) {
            return retryAfter
        }
        return nil
    }
}
