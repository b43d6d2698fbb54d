/// Why a request's framing was refused. Each case is a request-smuggling or desync vector that
/// libmicrohttpd 0.9.75 accepts on its own.
public enum FramingViolation: Sendable, Equatable, CustomStringConvertible {
    case duplicateContentLength
    case invalidContentLength
    case contentLengthWithTransferEncoding
    case unsupportedTransferEncoding
    case whitespaceInHeaderName
    case missingHost
    case duplicateHost

    public var description: String {
        switch self {
        case .duplicateContentLength: "More than one Content-Length header."
        case .invalidContentLength: "Content-Length is not a decimal number."
        case .contentLengthWithTransferEncoding: "Transfer-Encoding and Content-Length together."
        case .unsupportedTransferEncoding: "Only the plain chunked transfer coding is supported."
        case .whitespaceInHeaderName: "A header name contains whitespace."
        case .missingHost: "HTTP/1.1 request without Host."
        case .duplicateHost: "More than one Host header."
        }
    }
}
