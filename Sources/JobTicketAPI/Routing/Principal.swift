import Foundation
import JobTicketCore

/// The authenticated caller: an API key and the company it belongs to.
public struct Principal: Sendable, Equatable {
    public var keyId: UUID
    public var companyId: Int64
    public var permissions: Set<Permission>

    public init(keyId: UUID, companyId: Int64, permissions: Set<Permission>) {
        self.keyId = keyId
        self.companyId = companyId
        self.permissions = permissions
    }
}
