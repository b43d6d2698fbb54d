import Foundation
@testable import JobTicketAPI
import JobTicketCore
import Testing

@Suite struct KeyCacheTests {
    private static func key(_ id: UUID) -> APIKey {
        APIKey(id: id, companyId: 7, name: "k", permissions: [.viewEmployees], status: .enabled, expiresAt: nil,
               environment: .staging, rateLimit: nil, secretSHA256: [1, 2, 3], sealedSecret: [], createdAt: Timestamp(secondsSinceEpoch: 0),
               lastUsedAt: nil)
    }

    @Test func anEntryLivesForItsTimeToLiveOnly() {
        let cache = KeyCache(ttl: 1)
        let id = UUID()
        #expect(cache.lookup(id, now: 100) == nil)
        cache.store(Self.key(id), apiAccessEnabled: true, now: 100)
        #expect(cache.lookup(id, now: 100.9)?.key == Self.key(id))
        #expect(cache.lookup(id, now: 100.9)?.apiAccessEnabled == true)
        #expect(cache.lookup(id, now: 101) == nil, "a disabled key must stop working once the entry expires")
        #expect(cache.lookup(UUID(), now: 100.5) == nil)
    }

    @Test func aZeroTimeToLiveCachesNothing() {
        let cache = KeyCache(ttl: 0)
        let id = UUID()
        cache.store(Self.key(id), apiAccessEnabled: false, now: 5)
        #expect(cache.lookup(id, now: 5) == nil)
    }

    @Test func theCacheIsBounded() {
        let cache = KeyCache(ttl: 60)
        let first = UUID()
        cache.store(Self.key(first), apiAccessEnabled: true, now: 0)
        for _ in 1..<KeyCache.maximumEntries { cache.store(Self.key(UUID()), apiAccessEnabled: true, now: 0) }
        #expect(cache.lookup(first, now: 1) != nil)
        cache.store(Self.key(UUID()), apiAccessEnabled: true, now: 0)
        #expect(cache.lookup(first, now: 1) == nil, "past the bound the cache starts over")
    }
}
