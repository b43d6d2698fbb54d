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
    /// Requests counted since idle buckets were last swept away.
    private let sinceSweep = Atomic<Int>(0)
    static let sweepInterval = 4096

    public init() {}

    public func acquire(key: String, limit: Int, window: Double, blockSeconds: Double, now: Double) -> RateLimitDecision {
        if sinceSweep.wrappingAdd(1, ordering: .relaxed).oldValue % Self.sweepInterval == Self.sweepInterval - 1 {
            sweep(before: now - window, now: now)
        }
        return buckets.withLock { buckets in
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

    /// Forgets keys with no request inside the window and no running block, so that a stream
    /// of new keys (addresses, ids) cannot grow the table without bound.
    private func sweep(before cutoff: Double, now: Double) {
        buckets.withLock { buckets in
            buckets = buckets.filter { _, bucket in
                bucket.blockedUntil > now || (bucket.count > 0 && bucket.storage[(bucket.start + bucket.count - 1) % bucket.storage.count] > cutoff)
            }
        }
    }

    /// Keys tracked right now (for tests and metrics).
    public var trackedKeys: Int { buckets.withLock { $0.count } }

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
