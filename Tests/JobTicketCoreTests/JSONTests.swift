import JobTicketCore
import Testing

private func parse(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

private func failure(_ bytes: [UInt8]) -> JSONParser.Failure? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONParserTests {
    @Test func parsesEveryKind() throws {
        let value = try parse(#" { "a" : [1, -2, 3.5, true, false, null, "x", {}, []] } "#)
        #expect(value == .object([("a", .array([
            .int(1), .int(-2), .number("3.5"), .bool(true), .bool(false), .null, .string("x"), .object([]), .array([]),
        ]))]))
    }

    @Test func objectsKeepKeyOrderAndDuplicates() throws {
        let value = try parse(#"{"z":1,"a":2,"m":3,"a":4}"#)
        #expect(value.objectKeys == ["z", "a", "m", "a"])
        #expect(value["a"] == .int(2))
        #expect(value != .object([("a", .int(2)), ("z", .int(1)), ("m", .int(3)), ("a", .int(4))]))
    }

    @Test(arguments: [
        #"{"b":1,"a":[true,null,{"c":"d"}],"e":-0.5e10}"#,
        #"[]"#, #"{}"#, #"[[[[]]]]"#, #""plain""#, #"0"#, #"-12"#, #"null"#, #"false"#,
        #"{"text":"line\nbreak \"quoted\" back\\slash tab\t"}"#,
        #"["\u0001\u001f"]"#,
        #"{"name":"Zoë 😀 日本"}"#,
        #"[1.0,1e5,1E-5,-0.25,123456789012345678901234567890]"#,
    ])
    func writerRoundTripsParsedDocuments(_ text: String) throws {
        let value = try parse(text)
        #expect(JSONWriter.string(value) == text)
        #expect(try JSONParser.parse(JSONWriter.bytes(value)) == value)
    }

    @Test(arguments: [
        (#""a\nb""#, "a\nb"), (#""say \"hi\"""#, "say \"hi\""), (#""back\\slash""#, "back\\slash"),
        (#""\/""#, "/"), (#""\b\f\r\t""#, "\u{08}\u{0C}\r\t"), (#""caf\u00e9""#, "café"), (#""caf\u00E9""#, "café"),
        (#""\ud83d\ude00""#, "😀"), (#""\uD83D\uDE00!""#, "😀!"), (#""\u0000""#, "\u{0}"), (#""\u20ac""#, "€"),
        (#""é raw""#, "é raw"), (#""""#, ""),
    ])
    func decodesEscapes(_ json: String, _ expected: String) throws {
        #expect(try parse(json) == .string(expected))
    }

    @Test(arguments: [
        ("0", JSONValue.int(0)), ("-0", .int(0)), ("42", .int(42)), ("-17", .int(-17)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .number("9223372036854775808")),
        ("1.5", .number("1.5")), ("1.0", .number("1.0")), ("-0.0", .number("-0.0")), ("1e3", .number("1e3")),
        ("1E+3", .number("1E+3")), ("2.5e-3", .number("2.5e-3")), ("0.1", .number("0.1")),
    ])
    func integersStayIntegersAndOtherNumbersKeepTheirText(_ json: String, _ expected: JSONValue) throws {
        #expect(try parse(json) == expected)
    }

    @Test(arguments: [
        ("[1,2,]", "trailing comma in array"), (#"{"a":1,}"#, "trailing comma in object"), ("[,1]", "leading comma"),
        ("01", "leading zero"), ("-01", "negative leading zero"), ("00", "double zero"), ("1.", "no fraction digits"),
        (".5", "no integer digits"), ("1e", "no exponent digits"), ("-", "lone minus"), ("+1", "plus sign"),
        ("0x10", "hex"), ("NaN", "NaN"), ("Infinity", "Infinity"),
        (#""\ud83d""#, "lone high surrogate"), (#""\ude00""#, "lone low surrogate"),
        (#""\ud83dx""#, "high surrogate then text"), (#""\ud83d\u0041""#, "high surrogate then non-surrogate"),
        (#""\u12""#, "short unicode escape"), (#""\u12G4""#, "non-hex unicode escape"), (#""\x""#, "unknown escape"),
        ("\"a\u{0}b\"", "raw NUL in string"), ("\"a\nb\"", "raw newline in string"), ("\"a\tb\"", "raw tab in string"),
        ("\"\\n\u{1F}\"", "raw control after escape"),
        (#""abc"#, "unterminated string"), (#""abc\"#, "unterminated after backslash"), (#""abc\""#, "escaped quote at end"),
        ("{\"a\":1} x", "trailing garbage"), ("[1] [2]", "two documents"), ("1 2", "two numbers"), ("nullx", "literal then text"),
        ("", "empty input"), ("   ", "only whitespace"), ("[1", "unterminated array"), (#"{"a":1"#, "unterminated object"),
        (#"{"a" 1}"#, "missing colon"), (#"{a:1}"#, "unquoted key"), (#"{1:1}"#, "number key"), ("[1 2]", "missing comma"),
        ("tru", "short literal"), ("True", "capitalised literal"), ("nul", "short null"), ("'a'", "single quotes"),
        ("\u{FEFF}{}", "byte order mark"), ("[1]\u{0}", "NUL after value"),
    ])
    func rejects(_ json: String, _ why: String) {
        #expect(failure(Array(json.utf8)) != nil, "accepted \(why)")
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22] as [UInt8], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0x5C, 0x6E, 0xE9, 0x22], [0x7B, 0x22, 0x80, 0x22, 0x3A, 0x31, 0x7D],
    ])
    func rejectsInvalidUTF8(_ bytes: [UInt8]) {
        #expect(failure(bytes)?.reason == "invalid UTF-8")
    }

    @Test func failuresSayWhereAndWhy() {
        #expect(failure(Array("[1,2,]".utf8))?.offset == 5)
        #expect(failure(Array("[1,2,]".utf8))?.reason == "unexpected character")
        #expect(failure(Array("01".utf8))?.offset == 1)
        #expect(failure(Array("01".utf8))?.reason == "unexpected data after the value")
        #expect(failure(Array("\"ab".utf8))?.reason == "unterminated string")
        #expect(failure(Array(#""\udc00""#.utf8))?.reason == "lone surrogate")
        #expect(failure(Array("\"a\u{1}\"".utf8))?.reason == "control character in string")
        #expect(failure(Array("[1,2,]".utf8))?.description == "Invalid JSON at byte 5: unexpected character.")
    }

    @Test func nestingIsLimitedToMaximumDepth() throws {
        let depth = JSONParser.maximumDepth
        #expect(depth == 64)
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try parse(deepest) != .null)
        let tooDeep = String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)
        #expect(failure(Array(tooDeep.utf8))?.reason == "nested too deeply")
        let objects = String(repeating: #"{"a":"#, count: depth + 1) + "1" + String(repeating: "}", count: depth + 1)
        #expect(failure(Array(objects.utf8))?.reason == "nested too deeply")
        // Far deeper input fails cleanly instead of overflowing the stack.
        let hostile = String(repeating: "[", count: 100_000)
        #expect(failure(Array(hostile.utf8))?.reason == "nested too deeply")
    }

    /// Every value counts against the budget, containers included, at any depth.
    @Test func valueCountIsLimited() throws {
        func failure(_ text: String, maximumValues: Int) -> String? {
            do {
                _ = try JSONParser.parse(Array(text.utf8), maximumValues: maximumValues)
                return nil
            } catch {
                return "\(error.offset) \(error.reason)"
            }
        }
        #expect(try JSONParser.parse(Array("[1,2,3]".utf8), maximumValues: 4) == .array([.int(1), .int(2), .int(3)]))
        #expect(failure("[1,2,3]", maximumValues: 4) == nil)
        #expect(failure("[1,2,3]", maximumValues: 3) == "5 too many values")
        let nested = #"{"a":[true,null],"b":{"c":"d"}}"#
        #expect(failure(nested, maximumValues: 6) == nil)
        #expect(failure(nested, maximumValues: 5) == "26 too many values")
        #expect(failure("1", maximumValues: 0) == "0 too many values")
    }

    /// `parse(_:)` keeps a generous budget: ten million values, no more.
    @Test func defaultValueBudgetIsTenMillion() {
        #expect(JSONParser.defaultMaximumValues == 10_000_000)
        // `[0,0,…,0]` with ten million zeros is ten million and one values.
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(20_000_001)
        for _ in 0..<9_999_999 { bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ",")]) }
        bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "]")])
        let error = failure(bytes)
        #expect(error?.offset == 19_999_999)
        #expect(error?.reason == "too many values")
    }

    @Test func accessorsAndKindNames() throws {
        let value = try parse(#"{"s":"x","i":3,"a":[1],"n":null,"f":1.5,"b":true}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 3)
        #expect(value["i"]?.stringValue == nil)
        #expect(value["a"]?.arrayValue == [.int(1)])
        #expect(value["missing"] == nil)
        #expect(JSONValue.int(1)["s"] == nil)
        #expect(["s", "i", "a", "n", "f", "b"].compactMap { value[$0]?.kindName }
                == ["string", "number", "array", "null", "number", "boolean"])
        #expect(value.kindName == "object")
        #expect(JSONValue.string(nil as String?) == .null)
        #expect(JSONValue.string("v" as String?) == .string("v"))
    }
}

@Suite struct JSONWriterTests {
    @Test func writesCompactJSONInGivenOrder() {
        let value = JSONValue.object([
            ("z", .null), ("a", .bool(true)), ("n", .int(-5)), ("d", .number("29.00")),
            ("list", .array([.string("x"), .bool(false), .object([])])),
        ])
        #expect(JSONWriter.string(value) == #"{"z":null,"a":true,"n":-5,"d":29.00,"list":["x",false,{}]}"#)
        #expect(JSONWriter.bytes(value) == Array(JSONWriter.string(value).utf8))
    }

    @Test func nullIsWrittenAsNull() {
        #expect(JSONWriter.string(.null) == "null")
        #expect(JSONWriter.string(.object([("middleName", .null)])) == #"{"middleName":null}"#)
        #expect(JSONWriter.string(.array([.null, .null])) == "[null,null]")
    }

    @Test(arguments: [
        ("\n", #""\n""#), ("\r", #""\r""#), ("\t", #""\t""#), ("\"", #""\"""#), ("\\", #""\\""#),
        ("\u{0}", #""\u0000""#), ("\u{1}", #""\u0001""#), ("\u{08}", #""\u0008""#), ("\u{0C}", #""\u000c""#),
        ("\u{1B}", #""\u001b""#), ("\u{1F}", #""\u001f""#), (" ", #"" ""#), ("/", #""/""#), ("\u{7F}", "\"\u{7F}\""),
        ("é😀", "\"é😀\""), ("a\u{1}b\nc", #""a\u0001b\nc""#),
    ])
    func escapesOnlyWhatMustBeEscaped(_ raw: String, _ written: String) throws {
        #expect(JSONWriter.string(.string(raw)) == written)
        #expect(try parse(written) == .string(raw))
    }

    @Test func keysAreEscapedLikeStrings() {
        #expect(JSONWriter.string(.object([("a\"b\n", .int(1))])) == #"{"a\"b\n":1}"#)
    }

    @Test func everyControlCharacterRoundTrips() throws {
        let all = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))
        let written = JSONWriter.string(.string(all))
        #expect(!written.utf8.dropFirst().dropLast().contains { $0 < 0x20 })
        #expect(try parse(written) == .string(all))
    }

    @Test func writeAppendsToAnExistingBuffer() {
        var out = Array("prefix:".utf8)
        JSONWriter.write(.array([.int(1)]), into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "prefix:[1]")
    }
}
