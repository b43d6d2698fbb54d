import HTTPServer
import Testing

@Suite struct HTTPHeadersTests {
    private static func sample() -> HTTPHeaders {
        HTTPHeaders([
            ("Content-Type", "application/json"), ("Accept", "text/html"), ("X-Request-Id", "abc"),
            ("accept", "application/json"), ("ACCEPT", "*/*"),
        ])
    }

    private static func pairs(_ headers: HTTPHeaders) -> [String] {
        headers.map { "\($0.name): \($0.value)" }
    }

    @Test(arguments: ["content-type", "Content-Type", "CONTENT-TYPE", "cOnTeNt-TyPe"])
    func lookupIgnoresCase(_ name: String) {
        #expect(Self.sample()[name] == "application/json")
    }

    @Test func lookupReturnsTheFirstValue() {
        #expect(Self.sample()["Accept"] == "text/html")
    }

    @Test(arguments: ["Content-Typ", "Content-Type ", "X-Request", "Authorization", ""])
    func lookupOfAnAbsentNameIsNil(_ name: String) {
        #expect(Self.sample()[name] == nil)
    }

    @Test func nonASCIINamesDoNotFoldIntoASCIINames() {
        // "ſ" (U+017F) upper-cases to "S"; it must not make "Hoſt" equal "Host".
        let headers = HTTPHeaders([("Hoſt", "evil")])
        #expect(headers["Host"] == nil)
        #expect(headers.values("host") == [])
    }

    @Test func valuesListsEveryInstanceInOrder() {
        #expect(Self.sample().values("accept") == ["text/html", "application/json", "*/*"])
        #expect(Self.sample().values("X-REQUEST-ID") == ["abc"])
        #expect(Self.sample().values("Missing") == [])
    }

    @Test func addAppendsAndKeepsExistingValues() {
        var headers = Self.sample()
        headers.add("x-request-id", "def")
        #expect(headers.values("X-Request-Id") == ["abc", "def"])
        #expect(Self.pairs(headers).last == "x-request-id: def")
        #expect(headers.fields.count == 6)
    }

    @Test func setReplacesEveryValueWhateverTheirCase() {
        var headers = Self.sample()
        headers.set("Accept", "image/png")
        #expect(headers.values("accept") == ["image/png"])
        #expect(Self.pairs(headers) == [
            "Content-Type: application/json", "X-Request-Id: abc", "Accept: image/png",
        ])
    }

    @Test func setAddsAnAbsentName() {
        var headers = HTTPHeaders()
        headers.set("Allow", "GET, HEAD")
        #expect(Self.pairs(headers) == ["Allow: GET, HEAD"])
    }

    @Test func removeDropsEveryInstanceAndNothingElse() {
        var headers = Self.sample()
        headers.remove("ACCEPT")
        #expect(Self.pairs(headers) == ["Content-Type: application/json", "X-Request-Id: abc"])
        #expect(headers["accept"] == nil)
        headers.remove("Not-There")
        #expect(Self.pairs(headers) == ["Content-Type: application/json", "X-Request-Id: abc"])
    }

    @Test func iterationKeepsOrderAndOriginalCase() {
        #expect(Self.pairs(Self.sample()) == [
            "Content-Type: application/json", "Accept: text/html", "X-Request-Id: abc",
            "accept: application/json", "ACCEPT: */*",
        ])
    }

    @Test func equalityComparesNamesValuesAndOrderExactly() {
        #expect(HTTPHeaders([("A", "1"), ("B", "2")]) == HTTPHeaders([("A", "1"), ("B", "2")]))
        #expect(HTTPHeaders([("A", "1"), ("B", "2")]) != HTTPHeaders([("B", "2"), ("A", "1")]))
        #expect(HTTPHeaders([("A", "1")]) != HTTPHeaders([("a", "1")]))
        #expect(HTTPHeaders([("A", "1")]) != HTTPHeaders([("A", "1"), ("A", "1")]))
        #expect(HTTPHeaders() == HTTPHeaders([]))
    }
}
