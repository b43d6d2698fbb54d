import Foundation
import Synchronization

/// Structured logging: one line per event, written through an injectable sink.
///
/// Callers pass only fields that are safe to log; nothing here inspects values, so secrets and
/// personal data must never be handed to it (request bodies, `Authorization`, e-mail addresses).
public struct Logger: Sendable {
    public var level: LogLevel
    public var format: LogFormat
    public var clock: Clock
    public var sink: @Sendable (String) -> Void

    public init(level: LogLevel = .info, format: LogFormat = .json, clock: Clock = .system,
                sink: @escaping @Sendable (String) -> Void = Logger.standardOutput) {
        self.level = level
        self.format = format
        self.clock = clock
        self.sink = sink
    }

    /// Drops everything (for tests and commands that print their own output).
    public static let silent = Logger(sink: { _ in })

    public func log(_ level: LogLevel, _ message: String, _ fields: [(String, JSONValue)] = []) {
        guard level >= self.level else { return }
        let time = JSONValue.string(Self.millisecondTimestamp(clock.now()))
        switch format {
        case .json:
            let line: [(String, JSONValue)] = [("time", time), ("level", .string(level.rawValue)), ("msg", .string(message))] + fields
            sink(JSONWriter.string(.object(line)))
        case .text:
            let rendered = fields.map { "\($0.0)=\(Self.text($0.1))" }.joined(separator: " ")
            sink("\(Self.millisecondTimestamp(clock.now())) \(level.rawValue.uppercased()) \(message)" + (rendered.isEmpty ? "" : " " + rendered))
        }
    }

    public func info(_ message: String, _ fields: [(String, JSONValue)] = []) { log(.info, message, fields) }
    public func warn(_ message: String, _ fields: [(String, JSONValue)] = []) { log(.warn, message, fields) }
    public func error(_ message: String, _ fields: [(String, JSONValue)] = []) { log(.error, message, fields) }

    private static func text(_ value: JSONValue) -> String {
        if case .string(let string) = value { return string.contains(" ") ? JSONWriter.string(value) : string }
        return JSONWriter.string(value)
    }

    private static func millisecondTimestamp(_ seconds: Double) -> String {
        let whole = Timestamp(secondsSinceEpoch: Int64(seconds.rounded(.down))).description
        let millis = Int((seconds - seconds.rounded(.down)) * 1000)
        return whole.dropLast() + "." + CalendarDate.pad(millis, 3) + "Z"
    }

    private static let outputLock = Mutex(())

    /// Writes a line to standard output, whole lines only even from many threads.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        let bytes = Array((line + "\n").utf8)
        outputLock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }
}
