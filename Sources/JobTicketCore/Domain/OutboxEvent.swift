import Foundation

/// A webhook event waiting for delivery, written in the same transaction as the change it reports.
public struct OutboxEvent: Sendable, Hashable {
    public static let subscriptionChanged = "employee-subscription-changed"
    public static let documentGenerated = "new-employee-document-generated"

    public var id: UUID
    public var companyId: Int64
    public var type: String
    public var createdAt: Timestamp
    /// The event's `payload` object, serialised.
    public var payload: String

    public init(id: UUID, companyId: Int64, type: String, createdAt: Timestamp, payload: String) {
        self.id = id
        self.companyId = companyId
        self.type = type
        self.createdAt = createdAt
        self.payload = payload
    }
}
