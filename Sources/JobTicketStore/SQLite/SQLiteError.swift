/// A failed SQLite call, with SQLite's result code and message (never bound values).
public struct SQLiteError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "SQLite error \(code): \(message)" }

    /// `SQLITE_CONSTRAINT` and its extended codes.
    public var isConstraintViolation: Bool { code & 0xFF == 19 }

    /// Failures that a retry can outlive: the database is busy or locked, the disk is full or
    /// failing, the file cannot be opened right now.
    public var isTemporary: Bool { [5, 6, 10, 13, 14].contains(code & 0xFF) }
}
