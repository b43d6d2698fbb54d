import Foundation

/// Where the data lives. Only the embedded SQLite store exists so far.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)

    public init?(_ text: String) {
        guard text.hasPrefix("sqlite:") else { return nil }
        let path = String(text.dropFirst("sqlite:".count))
        guard !path.isEmpty else { return nil }
        self = .sqlite(path: path)
    }

    /// The folder that holds the database file (and, on staging, the generated master key).
    public var dataDirectory: String {
        switch self {
        case .sqlite(let path): (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        }
    }
}
