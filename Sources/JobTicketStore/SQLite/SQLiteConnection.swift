import CSQLite

/// One SQLite connection with a cache of prepared statements. Not thread-safe: each connection
/// is used on its own serial queue only (`SQLITE_OPEN_NOMUTEX`).
public final class SQLiteConnection {
    let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    public init(path: String, readOnly: Bool = false) throws {
        var pointer: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &pointer, flags, nil)
        guard result == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(pointer)
            throw SQLiteError(code: result, message: message)
        }
        handle = pointer
        sqlite3_busy_timeout(handle, 5000)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            try execute("PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA synchronous = NORMAL")
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw SQLiteError(code: result, message: text)
        }
    }

    /// A cached prepared statement for `sql`, bound to `values` and ready to step.
    public func prepare(_ sql: String, _ values: [any SQLiteBindable] = []) throws -> SQLiteStatement {
        let statement: SQLiteStatement
        if let cached = statements[sql] {
            statement = cached
        } else {
            var pointer: OpaquePointer?
            let result = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
            guard result == SQLITE_OK, let pointer else {
                throw SQLiteError(code: result, message: String(cString: sqlite3_errmsg(handle)))
            }
            statement = SQLiteStatement(handle: pointer, connection: handle)
            statements[sql] = statement
        }
        try statement.bind(values)
        return statement
    }

    /// Runs a statement that returns no rows.
    public func run(_ sql: String, _ values: [any SQLiteBindable] = []) throws {
        let statement = try prepare(sql, values)
        while try statement.step() {}
        sqlite3_reset(statement.handle)
    }

    /// Maps every row of a query.
    public func rows<T>(_ sql: String, _ values: [any SQLiteBindable] = [], _ map: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try prepare(sql, values)
        defer { sqlite3_reset(statement.handle) }
        var result: [T] = []
        while try statement.step() { result.append(try map(statement)) }
        return result
    }

    /// Maps the first row of a query, if any.
    public func row<T>(_ sql: String, _ values: [any SQLiteBindable] = [], _ map: (SQLiteStatement) throws -> T) throws -> T? {
        let statement = try prepare(sql, values)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? try map(statement) : nil
    }

    public var lastInsertRowId: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }
}
