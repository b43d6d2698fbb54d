/// Counts requests per credential in a sliding window, with a block after the limit is exceeded.
/// In memory for one node today; a shared implementation (PostgreSQL, Redis) can replace it.
public protocol RateLimiter: Sendable {
    /// Counts one request for `key` at `now` (seconds) against `limit` per `window` seconds.
    func acquire(key: String, limit: Int, window: Double, blockSeconds: Double, now: Double) -> RateLimitDecision
    /// Seconds left of `key`'s block at `now`, or `nil` when it is not blocked. Counts nothing.
    func blockedFor(key: String, now: Double) -> Int?
}
