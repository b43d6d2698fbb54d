import Foundation
import JobTicketCore
import JobTicketStore

/// An opened deployment: configuration, migrated store, master key, clock and randomness.
/// Built once per process by `serve` and by every operator command.
public struct Deployment: Sendable {
    public let configuration: ServerConfiguration
    public let store: Store
    public let secretBox: SecretBox
    public let clock: Clock
    public let random: RandomSource
    /// Schema versions this process applied when it opened the store.
    public let appliedMigrations: [Int]

    /// Creates the data directory if needed, opens the store and applies pending migrations.
    public static func open(_ configuration: ServerConfiguration, clock: Clock? = nil,
                            random: RandomSource = .system) throws -> Deployment {
        let clock = clock ?? configuration.now.map(Clock.fixed) ?? .system
        guard case .sqlite(let path) = configuration.database else { throw CommandError.failed("Unsupported database.") }
        let directory = configuration.database.dataDirectory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandError.failed("Cannot create the data directory \(directory).")
        }
        let store: Store
        let applied: [Int]
        do {
            store = try Store(path: path)
            applied = try store.migrate(now: clock.timestamp)
        } catch {
            throw CommandError.failed("Cannot open the database \(path): \(error)")
        }
        let secretBox = try MasterKeyLoader.load(configuration: configuration, random: random)
        return Deployment(configuration: configuration, store: store, secretBox: secretBox, clock: clock, random: random,
                          appliedMigrations: applied)
    }
}
