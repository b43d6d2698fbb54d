import Synchronization

/// A sliding-window log per key: the timestamps of the requests inside the window. The request
/// that exceeds the limit starts a block; requests during the block are refused and do not
/// extend it (spec §4).
public final class InMemoryRateLimiter: RateLimiter {
    private struct Bucket {
        var hits: [Double] = []
        var head = 0
        var blockedUntil: Double = 0

        mutating func prune(before start: Double) {
            while head < hits.count, hits[head] <= start { head += 1 }
            if head > 64 && head * 2 > hits.count {
                hits.removeFirst(head)
                head = 0
            }
        }

        var count: Int { hits.count - head }
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    public init() {}

    public func acquire(key: String, limit: Int, window: Double, blockSeconds: Double, now: Double) -> RateLimitDecision {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket()
            defer { buckets[key] = bucket }
            if now < bucket.blockedUntil {
                return .limited(retryAfter: Self.wholeSeconds(bucket.blockedUntil - now))
            }
            bucket.prune(before: now - window)
            if bucket.count >= limit {
                bucket.blockedUntil = now + blockSeconds
                return .limited(retryAfter: Self.wholeSeconds(blockSeconds))
            }
            bucket.hits.append(now)
            let oldest = bucket.hits[bucket.head]
            return .allowed(remaining: limit - bucket.count, resetSeconds: Self.wholeSeconds(oldest + window - now))
        }
    }

    public func blockedFor(key: String, now: Double) -> Int? {
        buckets.withLock { buckets in
            guard let until = buckets[key]?.blockedUntil, now < until else { return nil }
            return Self.wholeSeconds(until - now)
        }
    }

    private static func wholeSeconds(_ seconds: Double) -> Int {
        max(0, Int(seconds.rounded(.up)))
    }
}
