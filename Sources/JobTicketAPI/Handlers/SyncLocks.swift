import Synchronization

/// One sync per integration at a time (spec §8.4). In memory: a single node holds the lock;
/// the store's single writer serialises the rest.
final class SyncLocks: Sendable {
    private let running = Mutex<Set<Int64>>([])

    /// Takes the integration's lock; `false` if a sync already holds it.
    func acquire(_ integrationId: Int64) -> Bool {
        running.withLock { $0.insert(integrationId).inserted }
    }

    func release(_ integrationId: Int64) {
        _ = running.withLock { $0.remove(integrationId) }
    }
}
