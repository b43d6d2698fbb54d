/// Checks a request head for ambiguous framing before anything else looks at it.
///
/// Pure, so that every rule is unit-tested without a socket; the transport calls it with every
/// header instance exactly as received (duplicates included).
public enum FramingGuard {
    public static func check(version: String, headers: [(name: String, value: String)]) -> FramingViolation? {
        var contentLengths: [String] = []
        var transferEncodings: [String] = []
        var hosts = 0
        for (name, value) in headers {
            if name.contains(where: { $0.isWhitespace }) || name.isEmpty { return .whitespaceInHeaderName }
            switch name.lowercased() {
            case "content-length": contentLengths.append(value)
            case "transfer-encoding": transferEncodings.append(value)
            case "host": hosts += 1
            default: break
            }
        }
        if contentLengths.count > 1 { return .duplicateContentLength }
        if let length = contentLengths.first, !isDecimal(length) { return .invalidContentLength }
        if !transferEncodings.isEmpty {
            if !contentLengths.isEmpty { return .contentLengthWithTransferEncoding }
            let codings = transferEncodings.joined(separator: ",").split(separator: ",")
                .map { $0.trimmingWhitespace().lowercased() }
            if codings != ["chunked"] { return .unsupportedTransferEncoding }
        }
        if hosts > 1 { return .duplicateHost }
        if hosts == 0 && version == "HTTP/1.1" { return .missingHost }
        return nil
    }

    private static func isDecimal(_ value: String) -> Bool {
        let trimmed = value.trimmingWhitespace()
        return !trimmed.isEmpty && trimmed.utf8.count <= 18 && trimmed.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace, RFC 9110 §5.6.3).
    public func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
