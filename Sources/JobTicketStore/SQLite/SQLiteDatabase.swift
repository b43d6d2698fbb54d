import Dispatch
import Foundation
import Synchronization

/// A SQLite file behind one writer connection on its own serial queue, plus reader connections
/// (WAL lets them run in parallel with the writer).
///
/// Short reads run inline on the calling thread with a reader checked out of a small pool: a
/// point lookup costs microseconds, far less than two thread hops. Long reads (and reads when the
/// inline pool is busy) run on reader queues, so they never hold a cooperative-pool thread.
public final class SQLiteDatabase: Sendable {
    private let writer: ConnectionSlot
    private let inlineReaders: Mutex<[InlineConnection]>
    private let queuedReaders: [ConnectionSlot]
    private let nextReader = Atomic<Int>(0)

    public init(path: String, readers readerCount: Int = 2) throws {
        let writerConnection = try SQLiteConnection(path: path)
        // Large syncs write hundreds of thousands of rows in one transaction; with SQLite's default
        // 2 MiB cache their pages spill to the WAL mid-transaction and are read back (measured:
        // 890 MiB written for a 145 MiB database). 128 MiB keeps a 100,000-employee sync in memory.
        try writerConnection.execute("PRAGMA cache_size = -131072")
        writer = ConnectionSlot(connection: writerConnection, label: "jobticket.sqlite.writer")
        let count = max(1, readerCount)
        inlineReaders = Mutex(try (0..<count).map { _ in InlineConnection(try SQLiteConnection(path: path)) })
        queuedReaders = try (0..<count).map { index in
            ConnectionSlot(connection: try SQLiteConnection(path: path), label: "jobticket.sqlite.reader\(index)")
        }
    }

    /// Runs a short `body` on a reader inside a read transaction (a consistent snapshot): inline
    /// when a reader is free, else on a reader queue.
    public func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        guard let reader = inlineReaders.withLock({ $0.popLast() }) else {
            return try await readInBackground(body)
        }
        defer { inlineReaders.withLock { $0.append(reader) } }
        return try Self.snapshot(reader.connection, body)
    }

    /// Runs `body` on a reader queue: for reads that take long (planning a large dry-run sync).
    public func readInBackground<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        let slot = queuedReaders[nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % queuedReaders.count]
        return try await slot.perform { try Self.snapshot($0, body) }
    }

    private static func snapshot<T>(_ connection: SQLiteConnection, _ body: (SQLiteConnection) throws -> T) throws -> T {
        try connection.run("BEGIN")
        defer { try? connection.run("COMMIT") }
        return try body(connection)
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

/// A reader used by one caller at a time: whoever took it out of the pool owns it until it is back.
private final class InlineConnection: @unchecked Sendable {
    let connection: SQLiteConnection

    init(_ connection: SQLiteConnection) {
        self.connection = connection
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
