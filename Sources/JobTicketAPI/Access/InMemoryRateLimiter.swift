import Synchronization

/// A sliding-window log per key: the timestamps of the requests inside the window. The request
/// that exceeds the limit starts a block; requests during the block are refused and do not
/// extend it (spec §4).
public final class InMemoryRateLimiter: RateLimiter {
    /// The timestamps inside the window, in a ring that grows (by doubling) up to the limit: O(1)
    /// per request, and memory proportional to the requests actually made.
    private struct Bucket {
        var storage: [Double] = []
        var start = 0
        var count = 0
        var blockedUntil: Double = 0

        var oldest: Double { storage[start] }

        mutating func prune(before cutoff: Double) {
            while count > 0, storage[start] <= cutoff {
                start = (start + 1) % storage.count
                count -= 1
            }
        }

        mutating func append(_ time: Double, limit: Int) {
            if count == storage.count {
                var grown = [Double](repeating: 0, count: min(limit, max(16, storage.count * 2)))
                for offset in 0..<count { grown[offset] = storage[(start + offset) % storage.count] }
                storage = grown
                start = 0
            }
            storage[(start + count) % storage.count] = time
            count += 1
        }
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    public init() {}

    public func acquire(key: String, limit: Int, window: Double, blockSeconds: Double, now: Double) -> RateLimitDecision {
        buckets.withLock { buckets in
            // Moved out and back, never copied: a copy would duplicate the whole log on write.
            var bucket = buckets.removeValue(forKey: key) ?? Bucket()
            defer { buckets[key] = bucket }
            if now < bucket.blockedUntil {
                return .limited(retryAfter: Self.wholeSeconds(bucket.blockedUntil - now))
            }
            bucket.prune(before: now - window)
            if bucket.count >= limit {
                bucket.blockedUntil = now + blockSeconds
                return .limited(retryAfter: Self.wholeSeconds(blockSeconds))
            }
            bucket.append(now, limit: limit)
            return .allowed(remaining: limit - bucket.count, resetSeconds: Self.wholeSeconds(bucket.oldest + window - now))
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
