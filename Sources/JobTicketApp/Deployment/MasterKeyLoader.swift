import Foundation
import JobTicketCore

/// Finds the deployment's master key: `JOBTICKET_MASTER_KEY` if set; on staging otherwise the
/// key file in the data directory, generated (mode 0600) the first time.
enum MasterKeyLoader {
    static func load(configuration: ServerConfiguration, random: RandomSource) throws -> SecretBox {
        if let text = configuration.masterKey {
            guard let box = SecretBox(base64: text) else {
                throw ConfigurationError(variable: "JOBTICKET_MASTER_KEY", message: "is not valid; expected base64 of 32 bytes.")
            }
            return box
        }
        guard configuration.environment == .staging else {
            throw ConfigurationError(variable: "JOBTICKET_MASTER_KEY", message: "is required when JOBTICKET_ENVIRONMENT is production")
        }
        let path = configuration.database.dataDirectory + "/master.key"
        if let existing = FileManager.default.contents(atPath: path) {
            guard let box = SecretBox(base64: String(decoding: existing, as: UTF8.self)) else {
                throw ConfigurationError(variable: "JOBTICKET_MASTER_KEY", message: "the key file \(path) is not base64 of 32 bytes.")
            }
            return box
        }
        let key = SecretBox.generateKey(random: random)
        let text = Data(key).base64EncodedString() + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CommandError.failed("Cannot write the master key file \(path).")
        }
        guard let box = SecretBox(key: key) else { throw CommandError.failed("Generated master key is invalid.") }
        return box
    }
}
