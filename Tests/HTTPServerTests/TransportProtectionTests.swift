import Foundation
import HTTPServer
import Synchronization
import Testing

/// The transport's defences: refusing a body before reading it, a memory budget for bodies,
/// and a shutdown that outlives a responder without aborting the process.
@Suite struct TransportProtectionTests {
    /// Answers after `delay` seconds with the request's body size; counts calls.
    private final class CountingResponder: HTTPResponder {
        let calls = Mutex(0)
        let delay: Double

        init(delay: Double) {
            self.delay = delay
        }

        func respond(to request: HTTPRequest) async -> HTTPResponse {
            calls.withLock { $0 += 1 }
            if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1e9)) }
            return HTTPResponse(status: 200, body: Array("got \(request.body.count)".utf8))
        }
    }

    private func server(_ responder: CountingResponder, budget: Int = 1 << 20, grace: Double = 3,
                        admission: @escaping @Sendable (HTTPRequest) -> HTTPResponse? = { _ in nil }) throws -> MicroHTTPDServer {
        try MicroHTTPDServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, shutdownGraceSeconds: grace,
                                                   bodyLimit: { _, _ in 1 << 20 }, bodyMemoryBudget: budget, admission: admission),
            responder: responder,
            errorResponse: { error, _ in HTTPResponse(status: error.status, body: Array("\(error)".utf8)) })
    }

    @Test func aRefusedHeadNeverHasItsBodyReadOrItsResponderRun() async throws {
        let responder = CountingResponder(delay: 0)
        let server = try server(responder) { request in
            request.headers["Authorization"] == nil ? HTTPResponse(status: 401, body: Array("no".utf8)) : nil
        }
        // Announce a megabyte but send none of it: the refusal must come from the head alone.
        let head = Array("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n".utf8)
        let refused = try await RawHTTPClient.exchange(port: server.port, head, timeoutSeconds: 3)
        let allowed = try await RawHTTPClient.send(port: server.port, "POST", "/upload", headers: [("Authorization", "x")],
                                                   body: Array(repeating: 1, count: 10))
        #expect(server.shutdown())
        #expect(refused.status == 401)
        #expect(refused.headers["Connection"]?.lowercased() == "close")
        #expect(allowed.status == 200 && allowed.text == "got 10")
        #expect(responder.calls.withLock { $0 } == 1)
    }

    @Test func bodiesBeyondTheMemoryBudgetAre503() async throws {
        let responder = CountingResponder(delay: 0)
        let server = try server(responder, budget: 100)
        let small = try await RawHTTPClient.send(port: server.port, "POST", "/a", body: Array(repeating: 1, count: 100))
        let large = try await RawHTTPClient.send(port: server.port, "POST", "/a", body: Array(repeating: 1, count: 101))
        #expect(server.shutdown())
        #expect(small.status == 200)
        #expect(large.status == 503)
        #expect(large.text == "overloaded")
    }

    @Test func shutdownAnswersARequestThatOutlivesTheGraceAndReturns() async throws {
        let responder = CountingResponder(delay: 20)
        let server = try server(responder, grace: 0.3)
        async let slow = RawHTTPClient.exchange(port: server.port, RawHTTPClient.request("GET", "/slow"), timeoutSeconds: 30)
        // Wait until the responder is running (the machine may be busy).
        for _ in 0..<500 where responder.calls.withLock({ $0 }) == 0 {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        let started = Date()
        let drained = try await RawHTTPClient.offPool { server.shutdown() }
        let response = try await slow
        #expect(responder.calls.withLock { $0 } == 1)
        #expect(!drained, "the responder was still running at the deadline")
        #expect(Date().timeIntervalSince(started) < 15, "shutdown must not wait for the 20-second responder")
        #expect(response.status == 503)
        #expect(response.text == "shuttingDown")
    }
}
