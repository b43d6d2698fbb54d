import JobTicketCore
import JobTicketStore

/// What the resource handlers need: the store, "now", randomness, and the public URL for links.
public struct APIServices: Sendable {
    public let store: Store
    public let clock: Clock
    public let links: Links
    public let random: RandomSource
    /// The largest HR sync body accepted (spec §8.1, default 64 MiB).
    public let syncBodyLimit: Int
    /// Integrations with a sync running on this node.
    let syncLocks = SyncLocks()

    public init(store: Store, clock: Clock, publicURL: String, random: RandomSource = .system, syncBodyLimit: Int = 64 << 20) {
        self.store = store
        self.clock = clock
        self.links = Links(publicURL: publicURL)
        self.random = random
        self.syncBodyLimit = syncBodyLimit
    }

    /// The authenticated company; handlers only run behind the authentication middleware.
    func companyId(_ context: RequestContext) throws -> Int64 {
        guard let principal = context.principal else {
            throw APIError(.unauthorized, "Missing credentials.")
        }
        return principal.companyId
    }
}
