import Foundation
import JobTicketCore

/// The persistent state of a deployment. Every operation runs in a transaction through
/// `read` or `write`; SQL never leaves this module.
public final class Store: Sendable {
    private let database: SQLiteDatabase
    public let path: String

    /// Opens (creating if needed) the SQLite file at `path`. Call `migrate` before use.
    public init(path: String, readers: Int = 2) throws {
        self.path = path
        database = try SQLiteDatabase(path: path, readers: readers)
    }

    /// Applies pending migrations; returns the versions applied now (empty if none were due).
    @discardableResult
    public func migrate(now: Timestamp) throws -> [Int] {
        try Migrator.migrate(database, now: now.secondsSinceEpoch)
    }

    /// The newest schema version this build knows.
    public static var latestSchemaVersion: Int { Migrations.all.last?.version ?? 0 }

    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await database.read { try body(StoreTransaction(connection: $0)) }
    }

    /// A read that may take long (it never holds a cooperative-pool thread).
    public func readInBackground<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await database.readInBackground { try body(StoreTransaction(connection: $0)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await database.write { try body(StoreTransaction(connection: $0)) }
    }

    /// Blocking write transaction for the command line.
    public func writeNow<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try database.writeNow { try body(StoreTransaction(connection: $0)) }
    }
}
