import Foundation
import JobTicketCore
import Synchronization

/// Recently looked-up API keys (with their company's API access), so that a busy key does not
/// cost a database read on every request. An entry lives `ttl` seconds: a key disabled, deleted
/// or cut off by the operator stops working within that time. The secret is still verified
/// against the stored hash on every request.
final class KeyCache: Sendable {
    private struct Entry {
        let key: APIKey
        let apiAccessEnabled: Bool
        let expires: Double
    }

    /// Beyond this many keys the cache starts over: a bound, not an eviction policy.
    static let maximumEntries = 10_000

    private let ttl: Double
    private let entries = Mutex<[UUID: Entry]>([:])

    init(ttl: Double) {
        self.ttl = ttl
    }

    func lookup(_ id: UUID, now: Double) -> (key: APIKey, apiAccessEnabled: Bool)? {
        guard ttl > 0 else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[id], entry.expires > now else { return nil }
            return (entry.key, entry.apiAccessEnabled)
        }
    }

    func store(_ key: APIKey, apiAccessEnabled: Bool, now: Double) {
        guard ttl > 0 else { return }
        entries.withLock { entries in
            if entries.count >= Self.maximumEntries { entries.removeAll(keepingCapacity: true) }
            entries[key.id] = Entry(key: key, apiAccessEnabled: apiAccessEnabled, expires: now + ttl)
        }
    }
}
