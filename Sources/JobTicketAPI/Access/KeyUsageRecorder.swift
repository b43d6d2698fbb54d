import Foundation
import JobTicketCore
import JobTicketStore
import Synchronization

/// Writes a key's `lastUsedAt` at most once a minute, off the request path.
final class KeyUsageRecorder: Sendable {
    static let interval: Int64 = 60

    private let store: Store
    private let logger: Logger
    private let lastWritten = Mutex<[UUID: Int64]>([:])

    init(store: Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    func recordUse(of keyId: UUID, at now: Timestamp) {
        let due = lastWritten.withLock { written -> Bool in
            if let last = written[keyId], now.secondsSinceEpoch - last < Self.interval { return false }
            written[keyId] = now.secondsSinceEpoch
            return true
        }
        guard due else { return }
        let store = store
        let logger = logger
        Task {
            do {
                try await store.write { try $0.touchAPIKey(id: keyId, at: now) }
            } catch {
                logger.warn("could not record key use", [("keyId", .string(keyId.uuidString.lowercased()))])
            }
        }
    }
}
