import Foundation
import Synchronization

/// Facts learnt while handling a request that the access log line reports at the end
/// (the key id once authentication has run). Shared by reference across the middleware chain.
public final class RequestAnnotations: Sendable {
    private let storage = Mutex<UUID?>(nil)

    public init() {}

    public var keyId: UUID? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
