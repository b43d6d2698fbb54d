import Foundation

/// An API credential of one company in one environment. The secret itself is not here: only
/// its SHA-256 (to verify) and its sealed form (to reveal in the portal) are ever stored.
public struct APIKey: Sendable, Hashable {
    public var id: UUID
    public var companyId: Int64
    public var name: String
    public var permissions: Set<Permission>
    public var status: APIKeyStatus
    public var expiresAt: Timestamp?
    public var environment: DeploymentEnvironment
    /// Requests per minute; `nil` means the deployment's default.
    public var rateLimit: Int?
    public var secretSHA256: [UInt8]
    public var sealedSecret: [UInt8]
    public var createdAt: Timestamp
    public var lastUsedAt: Timestamp?

    public init(id: UUID, companyId: Int64, name: String, permissions: Set<Permission>, status: APIKeyStatus,
                expiresAt: Timestamp?, environment: DeploymentEnvironment, rateLimit: Int?, secretSHA256: [UInt8],
                sealedSecret: [UInt8], createdAt: Timestamp, lastUsedAt: Timestamp?) {
        self.id = id
        self.companyId = companyId
        self.name = name
        self.permissions = permissions
        self.status = status
        self.expiresAt = expiresAt
        self.environment = environment
        self.rateLimit = rateLimit
        self.secretSHA256 = secretSHA256
        self.sealedSecret = sealedSecret
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    /// The key id as it appears on the wire: a lowercase UUID.
    public var idString: String { id.uuidString.lowercased() }

    public func isExpired(at now: Timestamp) -> Bool {
        expiresAt.map { now >= $0 } ?? false
    }
}
