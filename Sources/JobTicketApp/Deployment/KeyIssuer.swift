import Foundation
import JobTicketCore
import JobTicketStore

/// Creates API keys and reveals their secrets with the deployment's master key.
struct KeyIssuer {
    let deployment: Deployment

    /// Stores a new key and returns it with its secret (the only time the secret is shown
    /// outside "View API Key Secret").
    func create(in transaction: StoreTransaction, companyId: Int64, name: String, permissions: Set<Permission>,
                rateLimit: Int?, expiresAt: Timestamp?) throws -> (APIKey, APIKeySecret) {
        let secret = APIKeySecret.generate(environment: deployment.configuration.environment, random: deployment.random)
        let key = APIKey(id: deployment.random.uuid(), companyId: companyId, name: name, permissions: permissions, status: .enabled,
                         expiresAt: expiresAt, environment: deployment.configuration.environment, rateLimit: rateLimit,
                         secretSHA256: secret.sha256, sealedSecret: deployment.secretBox.seal(Array(secret.value.utf8), random: deployment.random),
                         createdAt: deployment.clock.timestamp, lastUsedAt: nil)
        try transaction.insertAPIKey(key)
        try transaction.appendAudit(AuditEvent(at: deployment.clock.timestamp, companyId: companyId, actor: "operator",
                                               action: "api-key.created", details: JSONWriter.string(.object([
                                                   ("keyId", .string(key.idString)), ("name", .string(name)),
                                                   ("permissions", .array(permissions.sorted().map { .string($0.rawValue) })),
                                               ]))))
        return (key, secret)
    }

    /// The secret of a stored key, if the master key can open it.
    func reveal(_ key: APIKey) -> String? {
        deployment.secretBox.open(key.sealedSecret).map { String(decoding: $0, as: UTF8.self) }
    }
}
