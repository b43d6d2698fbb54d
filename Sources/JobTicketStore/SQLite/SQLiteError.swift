/// A failed SQLite call, with SQLite's result code and message (never bound values).
public struct SQLiteError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var description: String { "SQLite error \(code): \(message)" }

    /// `SQLITE_CONSTRAINT` and its extended codes.
    public var isConstraintViolation: Bool { code & 0xFF == 19 }
}
