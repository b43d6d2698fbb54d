/// The outcome of counting one request against a limit.
public enum RateLimitDecision: Sendable, Equatable {
    /// Allowed; `remaining` requests are left in the window and a slot frees in `resetSeconds`.
    case allowed(remaining: Int, resetSeconds: Int)
    /// Refused; the block ends in `retryAfter` seconds.
    case limited(retryAfter: Int)
}
