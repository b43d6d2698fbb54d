import HTTPServer
import JobTicketAPI
import JobTicketCore
import JobTicketStore
import Testing

/// How the application answers when the database fails under a handler.
@Suite struct StoreFailureTests {
    private func application(throwing error: any Error) -> Application {
        let route = Route("GET", "/thing") { _, _ in throw error }
        return Application(router: Router([route]), publicURL: "https://api.example.test", logger: .silent,
                           clock: .fixed(Timestamp(secondsSinceEpoch: 0)), requestIds: RequestIDGenerator { "req-1" })
    }

    @Test(arguments: [Int32(5), 6, 10, 13, 14, 517])
    func aTemporaryFailureIs503WithRetryAfter(_ code: Int32) async throws {
        let response = await application(throwing: SQLiteError(code: code, message: "database is locked"))
            .respond(to: HTTPRequest(method: "GET", path: "/thing"))
        #expect(response.status == 503)
        #expect(response.headers["Retry-After"] == "1")
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let problem = try JSONParser.parse(response.body)
        #expect(problem["type"] == .string("https://api.example.test/problems/unavailable"))
        #expect(!String(decoding: response.body, as: UTF8.self).contains("locked"), "no internals in the body")
    }

    @Test func anyOtherStoreFailureIs500() async throws {
        let response = await application(throwing: SQLiteError(code: 1, message: "no such table: secrets"))
            .respond(to: HTTPRequest(method: "GET", path: "/thing"))
        #expect(response.status == 500)
        #expect(response.headers["Retry-After"] == nil)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("secrets"))
    }
}
