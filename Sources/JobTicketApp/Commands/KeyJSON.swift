import Foundation
import JobTicketCore
import JobTicketStore

/// The operator's view of a key: everything but the secret.
enum KeyJSON {
    static func render(_ key: APIKey) -> JSONValue {
        .object([
            ("id", .string(key.idString)), ("companyId", .int(Int(key.companyId))), ("name", .string(key.name)),
            ("permissions", .array(key.permissions.sorted().map { .string($0.rawValue) })),
            ("status", .string(key.status.rawValue)), ("environment", .string(key.environment.rawValue)),
            ("rateLimit", key.rateLimit.map { .int($0) } ?? .null), ("expiresAt", .string(key.expiresAt?.description)),
            ("createdAt", .string(key.createdAt.description)), ("lastUsedAt", .string(key.lastUsedAt?.description)),
        ])
    }
}
