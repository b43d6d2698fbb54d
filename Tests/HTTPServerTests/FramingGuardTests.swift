import HTTPServer
import Testing

/// One request head and what the guard must say about it.
struct FramingCase: Sendable, CustomTestStringConvertible {
    let label: String
    let version: String
    let headers: [Header]
    let expected: FramingViolation?

    struct Header: Sendable {
        let name: String
        let value: String
    }

    init(_ label: String, version: String = "HTTP/1.1", _ headers: [(String, String)], _ expected: FramingViolation?) {
        self.label = label
        self.version = version
        self.headers = headers.map { Header(name: $0.0, value: $0.1) }
        self.expected = expected
    }

    var fields: [(name: String, value: String)] { headers.map { (name: $0.name, value: $0.value) } }
    var testDescription: String { label }
}

@Suite struct FramingGuardTests {
    static let rejected: [FramingCase] = [
        FramingCase("two equal Content-Length", [("Host", "a"), ("Content-Length", "5"), ("Content-Length", "5")],
                    .duplicateContentLength),
        FramingCase("two different Content-Length", [("Host", "a"), ("Content-Length", "5"), ("content-length", "6")],
                    .duplicateContentLength),
        FramingCase("Content-Length not a number", [("Host", "a"), ("Content-Length", "abc")], .invalidContentLength),
        FramingCase("Content-Length negative", [("Host", "a"), ("Content-Length", "-1")], .invalidContentLength),
        FramingCase("Content-Length with plus sign", [("Host", "a"), ("Content-Length", "+5")], .invalidContentLength),
        FramingCase("Content-Length empty", [("Host", "a"), ("Content-Length", "")], .invalidContentLength),
        FramingCase("Content-Length list", [("Host", "a"), ("Content-Length", "5, 5")], .invalidContentLength),
        FramingCase("Content-Length hex", [("Host", "a"), ("Content-Length", "0x10")], .invalidContentLength),
        FramingCase("Content-Length 19 digits", [("Host", "a"), ("Content-Length", "1000000000000000000")],
                    .invalidContentLength),
        FramingCase("Content-Length non-ASCII digit", [("Host", "a"), ("Content-Length", "٥")], .invalidContentLength),
        FramingCase("Transfer-Encoding then Content-Length",
                    [("Host", "a"), ("Transfer-Encoding", "chunked"), ("Content-Length", "5")],
                    .contentLengthWithTransferEncoding),
        FramingCase("Content-Length then Transfer-Encoding",
                    [("Host", "a"), ("Content-Length", "5"), ("Transfer-Encoding", "chunked")],
                    .contentLengthWithTransferEncoding),
        FramingCase("gzip coding", [("Host", "a"), ("Transfer-Encoding", "gzip")], .unsupportedTransferEncoding),
        FramingCase("gzip, chunked", [("Host", "a"), ("Transfer-Encoding", "gzip, chunked")], .unsupportedTransferEncoding),
        FramingCase("chunked twice in one header", [("Host", "a"), ("Transfer-Encoding", "chunked, chunked")],
                    .unsupportedTransferEncoding),
        FramingCase("chunked in two headers", [("Host", "a"), ("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "chunked")],
                    .unsupportedTransferEncoding),
        FramingCase("identity coding", [("Host", "a"), ("Transfer-Encoding", "identity")], .unsupportedTransferEncoding),
        FramingCase("empty Transfer-Encoding", [("Host", "a"), ("Transfer-Encoding", "")], .unsupportedTransferEncoding),
        FramingCase("chunked with parameter", [("Host", "a"), ("Transfer-Encoding", "chunked;q=1")],
                    .unsupportedTransferEncoding),
        FramingCase("space before colon", [("Host", "a"), ("Content-Length ", "5")], .whitespaceInHeaderName),
        FramingCase("space inside name", [("Host", "a"), ("Transfer Encoding", "chunked")], .whitespaceInHeaderName),
        FramingCase("tab in name", [("Host", "a"), ("X-Thing\t", "1")], .whitespaceInHeaderName),
        FramingCase("leading space in name", [(" Host", "a")], .whitespaceInHeaderName),
        FramingCase("empty name", [("Host", "a"), ("", "x")], .whitespaceInHeaderName),
        FramingCase("HTTP/1.1 without Host", [("Accept", "*/*")], .missingHost),
        FramingCase("HTTP/1.1 without any header", [], .missingHost),
        FramingCase("two Host headers", [("Host", "a"), ("host", "b")], .duplicateHost),
        FramingCase("two Host headers on HTTP/1.0", version: "HTTP/1.0", [("Host", "a"), ("HOST", "a")], .duplicateHost),
    ]

    static let accepted: [FramingCase] = [
        FramingCase("single Content-Length", [("Host", "a"), ("Content-Length", "5")], nil),
        FramingCase("Content-Length zero", [("Host", "a"), ("Content-Length", "0")], nil),
        FramingCase("Content-Length with surrounding spaces", [("Host", "a"), ("Content-Length", " 42 ")], nil),
        FramingCase("Content-Length 18 digits", [("Host", "a"), ("Content-Length", "999999999999999999")], nil),
        FramingCase("lower-case content-length", [("host", "a"), ("content-length", "12")], nil),
        FramingCase("plain chunked", [("Host", "a"), ("Transfer-Encoding", "chunked")], nil),
        FramingCase("Chunked, mixed case", [("Host", "a"), ("Transfer-Encoding", "Chunked")], nil),
        FramingCase("CHUNKED with spaces", [("Host", "a"), ("transfer-encoding", "  CHUNKED ")], nil),
        FramingCase("HTTP/1.0 without Host", version: "HTTP/1.0", [("Accept", "*/*")], nil),
        FramingCase("HTTP/1.0 with no headers", version: "HTTP/1.0", [], nil),
        FramingCase("ordinary headers", [
            ("Host", "example.com"), ("Accept", "application/json"), ("Authorization", "Basic abc"),
            ("X-Request-Id", "abc-123"), ("Accept", "text/html"), ("Cookie", "a=b; c=d"),
        ], nil),
        FramingCase("header value with spaces", [("Host", "a"), ("User-Agent", "curl/8.0 (x86_64) libcurl")], nil),
    ]

    @Test(arguments: rejected)
    func rejects(_ example: FramingCase) {
        #expect(example.expected != nil)
        #expect(FramingGuard.check(version: example.version, headers: example.fields) == example.expected)
    }

    @Test(arguments: accepted)
    func accepts(_ example: FramingCase) {
        #expect(FramingGuard.check(version: example.version, headers: example.fields) == nil)
    }

    @Test func everyViolationIsCoveredByTheTable() {
        let all: [FramingViolation] = [
            .duplicateContentLength, .invalidContentLength, .contentLengthWithTransferEncoding,
            .unsupportedTransferEncoding, .whitespaceInHeaderName, .missingHost, .duplicateHost,
        ]
        for violation in all {
            #expect(Self.rejected.contains { $0.expected == violation }, "no case for \(violation)")
        }
    }

    @Test func whitespaceInANameIsReportedBeforeOtherProblems() {
        let headers: [(name: String, value: String)] = [
            (name: "Content-Length", value: "1"), (name: "Content-Length", value: "2"), (name: "Bad Name", value: "x"),
        ]
        #expect(FramingGuard.check(version: "HTTP/1.1", headers: headers) == .whitespaceInHeaderName)
    }

    @Test func descriptionsAreDistinctSentences() {
        let all: [FramingViolation] = [
            .duplicateContentLength, .invalidContentLength, .contentLengthWithTransferEncoding,
            .unsupportedTransferEncoding, .whitespaceInHeaderName, .missingHost, .duplicateHost,
        ]
        #expect(Set(all.map(\.description)).count == all.count)
        #expect(FramingViolation.missingHost.description == "HTTP/1.1 request without Host.")
        #expect(FramingViolation.duplicateContentLength.description == "More than one Content-Length header.")
    }
}
