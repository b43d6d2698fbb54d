/// How log lines are written: one JSON object per line, or `key=value` text for humans.
public enum LogFormat: String, Sendable, CaseIterable {
    case json, text
}
