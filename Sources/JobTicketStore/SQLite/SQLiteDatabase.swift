import Dispatch
import Foundation
import Synchronization

/// A SQLite file behind one writer connection and a few reader connections, each on its own
/// serial queue, so database work never blocks Swift's cooperative thread pool and readers run
/// in parallel with the writer (WAL).
public final class SQLiteDatabase: Sendable {
    private let writer: ConnectionSlot
    private let readers: [ConnectionSlot]
    private let nextReader = Atomic<Int>(0)

    public init(path: String, readers readerCount: Int = 2) throws {
        writer = ConnectionSlot(connection: try SQLiteConnection(path: path), label: "jobticket.sqlite.writer")
        readers = try (0..<max(1, readerCount)).map { index in
            ConnectionSlot(connection: try SQLiteConnection(path: path), label: "jobticket.sqlite.reader\(index)")
        }
    }

    /// Runs `body` on a reader connection inside a read transaction (a consistent snapshot).
    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        let slot = readers[nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % readers.count]
        return try await slot.perform { connection in
            try connection.execute("BEGIN")
            defer { try? connection.execute("COMMIT") }
            return try body(connection)
        }
    }

    /// Runs `body` in one write transaction: everything commits, or nothing does.
    public func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await writer.perform { connection in try Self.transaction(connection, body) }
    }

    /// The blocking variant of `write`, for command-line tools.
    public func writeNow<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writer.performNow { connection in try Self.transaction(connection, body) }
    }

    private static func transaction<T>(_ connection: SQLiteConnection, _ body: (SQLiteConnection) throws -> T) throws -> T {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let result = try body(connection)
            try connection.execute("COMMIT")
            return result
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}

/// A connection and the serial queue that owns it.
private final class ConnectionSlot: @unchecked Sendable {
    private let connection: SQLiteConnection
    private let queue: DispatchQueue

    init(connection: SQLiteConnection, label: String) {
        self.connection = connection
        self.queue = DispatchQueue(label: label)
    }

    func perform<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(self.connection) }) }
        }
    }

    func performNow<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try queue.sync { try body(connection) }
    }
}
