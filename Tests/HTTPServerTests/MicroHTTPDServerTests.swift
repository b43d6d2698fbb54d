import Foundation
import HTTPServer
import Synchronization
import Testing

/// Echoes what it received: method, path and remote address in headers; for `/query` the decoded
/// query arguments one per line (`name=value`, or `name` for a bare flag); else the body.
/// `?status=N` picks the status; `/slow` waits 300 ms first.
private struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if request.path == "/slow" { try? await Task.sleep(for: .milliseconds(300)) }
        let body: [UInt8] = request.path == "/query"
            ? Array(request.query.map { pair in pair.value.map { "\(pair.name)=\($0)" } ?? pair.name }.joined(separator: "\n").utf8)
            : request.body
        return HTTPResponse(
            status: request.queryValue("status").flatMap { Int($0) } ?? 200,
            headers: HTTPHeaders([
                ("Content-Type", "application/octet-stream"), ("X-Echo-Method", request.method),
                ("X-Echo-Path", request.path), ("X-Echo-Remote", request.remoteAddress),
                ("X-Echo-Body-Length", String(request.body.count)),
            ]),
            body: body)
    }
}

/// What the transport handed to the `errorResponse` closure.
private final class TransportErrors: Sendable {
    let seen = Mutex<[TransportError]>([])
    var all: [TransportError] { seen.withLock { $0 } }
}

private let bodyLimit = 16

/// A server on a free port; `/big` allows 64 bytes, everything else `bodyLimit`.
private func startServer(_ errors: TransportErrors) throws -> MicroHTTPDServer {
    try MicroHTTPDServer(
        configuration: HTTPServerConfiguration(
            host: "127.0.0.1", port: 0, shutdownGraceSeconds: 3,
            bodyLimit: { _, path in path == "/big" ? 64 : bodyLimit }),
        responder: EchoResponder(),
        errorResponse: { error, request in
            errors.seen.withLock { $0.append(error) }
            let text: String = switch error {
            case .payloadTooLarge(let limit): "too large for \(request.path): limit \(limit)"
            case .badFraming(let violation): "bad framing: \(violation)"
            case .overloaded: "overloaded"
            case .shuttingDown: "shutting down"
            }
            return HTTPResponse(status: error.status, headers: HTTPHeaders([("Content-Type", "text/plain")]),
                                body: Array(text.utf8))
        })
}

private func stop(_ server: MicroHTTPDServer) async throws -> Bool {
    try await RawHTTPClient.offPool { server.shutdown() }
}

@Suite(.serialized) struct MicroHTTPDServerTests {
    @Test func getReturnsTheRespondersStatusHeadersAndBody() async throws {
        let errors = TransportErrors()
        let server = try startServer(errors)
        #expect(server.port != 0)
        let response = try await RawHTTPClient.send(port: server.port, "GET", "/query?status=203&a=1")
        #expect(try await stop(server))

        #expect(response.statusLine.hasPrefix("HTTP/1.1 203"))
        #expect(response.status == 203)
        #expect(response.headers["Content-Type"] == "application/octet-stream")
        #expect(response.headers["X-Echo-Method"] == "GET")
        #expect(response.headers["X-Echo-Path"] == "/query")
        #expect(response.headers["X-Echo-Remote"] == "127.0.0.1")
        #expect(response.headers["X-Echo-Body-Length"] == "0")
        #expect(response.headers["Content-Length"] == "14")
        #expect(response.headers.values("Content-Length").count == 1)
        #expect(response.text == "status=203\na=1")
        #expect(errors.all.isEmpty)
    }

    @Test func postBodyArrivesIntact() async throws {
        let server = try startServer(TransportErrors())
        // Every byte value, including NUL and CR LF, within the 64-byte limit of `/big`.
        let body: [UInt8] = [0, 13, 10, 255, 128] + Array("héllo\r\n\r\nwörld".utf8) + (0..<32).map { UInt8($0 * 8) }
        #expect(body.count <= 64)
        let response = try await RawHTTPClient.send(port: server.port, "POST", "/big", body: body)
        #expect(try await stop(server))

        #expect(response.status == 200)
        #expect(response.headers["X-Echo-Method"] == "POST")
        #expect(response.headers["X-Echo-Body-Length"] == String(body.count))
        #expect(response.body == body)
    }

    @Test func chunkedBodyArrivesIntact() async throws {
        let server = try startServer(TransportErrors())
        let body = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let request = RawHTTPClient.request("PUT", "/big", headers: [("Transfer-Encoding", "chunked")])
            + RawHTTPClient.chunked(body)
        let response = try await RawHTTPClient.exchange(port: server.port, request)
        #expect(try await stop(server))

        #expect(response.status == 200)
        #expect(response.headers["X-Echo-Method"] == "PUT")
        #expect(response.body == body)
    }

    @Test func queryArgumentsArriveDecodedAndThePathEncoded() async throws {
        let server = try startServer(TransportErrors())
        let query = try await RawHTTPClient.send(
            port: server.port, "GET", "/query?name=J%C3%BCrgen%20M&sp=a+b&amp=x%26y%3Dz&flag&empty=&name=second")
        let path = try await RawHTTPClient.send(port: server.port, "GET", "/files/a%20b%2Fc")
        #expect(try await stop(server))

        #expect(query.status == 200)
        #expect(query.text == "name=Jürgen M\nsp=a b\namp=x&y=z\nflag\nempty=\nname=second")
        // The path keeps its escapes so that %2F cannot split a segment; routers decode per segment.
        #expect(path.headers["X-Echo-Path"] == "/files/a%20b%2Fc")
    }

    @Test func bodyOverTheLimitGetsTheErrorResponse() async throws {
        let errors = TransportErrors()
        let server = try startServer(errors)
        let response = try await RawHTTPClient.send(
            port: server.port, "POST", "/echo", body: [UInt8](repeating: UInt8(ascii: "x"), count: bodyLimit + 1))
        #expect(try await stop(server))

        #expect(response.status == 413)
        #expect(response.text == "too large for /echo: limit 16")
        #expect(response.headers["Connection"]?.lowercased() == "close")
        #expect(response.headers["X-Echo-Method"] == nil)
        #expect(errors.all == [.payloadTooLarge(limit: 16)])
    }

    @Test func chunkedBodyOverTheLimitGetsTheErrorResponse() async throws {
        let errors = TransportErrors()
        let server = try startServer(errors)
        let request = RawHTTPClient.request("POST", "/echo", headers: [("Transfer-Encoding", "chunked")])
            + RawHTTPClient.chunked([UInt8](repeating: UInt8(ascii: "y"), count: bodyLimit + 1), chunkSize: 5)
        let response = try await RawHTTPClient.exchange(port: server.port, request)
        #expect(try await stop(server))

        #expect(response.status == 413)
        #expect(response.text == "too large for /echo: limit 16")
        #expect(response.headers["X-Echo-Method"] == nil)
        #expect(errors.all == [.payloadTooLarge(limit: 16)])
    }

    @Test func bodyExactlyAtTheLimitReachesTheResponder() async throws {
        let errors = TransportErrors()
        let server = try startServer(errors)
        let body = Array("0123456789abcdef".utf8)
        #expect(body.count == bodyLimit)
        let response = try await RawHTTPClient.send(port: server.port, "POST", "/echo", body: body)
        #expect(try await stop(server))

        #expect(response.status == 200)
        #expect(response.body == body)
        #expect(errors.all.isEmpty)
    }

    @Test func ambiguousFramingNeverReachesTheResponder() async throws {
        let errors = TransportErrors()
        let server = try startServer(errors)
        let duplicate = RawHTTPClient.request(
            "POST", "/echo", headers: [("Content-Length", "3"), ("Content-Length", "3")], body: Array("abc".utf8),
            automaticHeaders: false)
        let response = try await RawHTTPClient.exchange(port: server.port, duplicate)
        #expect(try await stop(server))

        #expect(response.status == 400)
        #expect(response.text == "bad framing: More than one Content-Length header.")
        #expect(response.headers["X-Echo-Method"] == nil)
        #expect(errors.all == [.badFraming(.duplicateContentLength)])
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let server = try startServer(TransportErrors())
        let responses = try await RawHTTPClient.exchangeOnOneConnection(port: server.port, [
            RawHTTPClient.request("GET", "/query?n=1", close: false),
            RawHTTPClient.request("POST", "/echo", body: Array("second".utf8), close: false),
            RawHTTPClient.request("GET", "/query?n=3&status=202"),
        ])
        #expect(try await stop(server))

        #expect(responses.map(\.status) == [200, 200, 202])
        #expect(responses.map(\.text) == ["n=1", "second", "n=3\nstatus=202"])
        #expect(responses[0].headers["Connection"]?.lowercased() != "close")
    }

    @Test func shutdownReturnsTrueAndStopsListening() async throws {
        let server = try startServer(TransportErrors())
        let port = server.port
        #expect(await RawHTTPClient.canConnect(port: port))
        let response = try await RawHTTPClient.send(port: port, "GET", "/query?x=1")
        #expect(response.status == 200)
        #expect(try await stop(server))
        #expect(await RawHTTPClient.canConnect(port: port) == false)
    }

    @Test func shutdownLetsAnInFlightRequestFinish() async throws {
        let server = try startServer(TransportErrors())
        let port = server.port
        async let slow = RawHTTPClient.send(port: port, "POST", "/slow", body: Array("late".utf8))
        var waited = 0
        while server.inFlightRequests == 0 && waited < 200 {
            try await Task.sleep(for: .milliseconds(5))
            waited += 1
        }
        #expect(server.inFlightRequests == 1)
        #expect(try await stop(server))
        let response = try await slow
        #expect(response.status == 200)
        #expect(response.text == "late")
        #expect(await RawHTTPClient.canConnect(port: port) == false)
    }
}
