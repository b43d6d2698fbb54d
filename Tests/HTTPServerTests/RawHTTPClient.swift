import Dispatch
import Foundation
import Glibc
import HTTPServer

/// A response as it came off the wire.
struct RawHTTPResponse: Sendable {
    var statusLine: String
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}

struct RawHTTPError: Error, CustomStringConvertible {
    let description: String
}

/// A deliberately small HTTP/1.1 client over a POSIX socket, so tests control every byte sent
/// (duplicate headers, chunked bodies, missing `Host`) and see every byte received.
///
/// Every blocking call runs on a Dispatch queue, never on Swift's cooperative pool, so a test
/// waiting for a response cannot starve the server's responder tasks.
enum RawHTTPClient {
    /// Builds a request head and body. `Host` and (for a non-empty body) `Content-Length` are added
    /// unless `automaticHeaders` is false; `Connection: close` is added unless `close` is false,
    /// so the server closes after answering.
    static func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = [],
        automaticHeaders: Bool = true, close: Bool = true
    ) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if automaticHeaders { head += "Host: 127.0.0.1\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if automaticHeaders && !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        head += close ? "Connection: close\r\n\r\n" : "\r\n"
        return Array(head.utf8) + body
    }

    /// `body` in chunked transfer coding, in chunks of at most `chunkSize` bytes.
    static func chunked(_ body: [UInt8], chunkSize: Int = 7) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        while start < body.count {
            let end = min(start + chunkSize, body.count)
            out += Array("\(String(end - start, radix: 16))\r\n".utf8) + body[start..<end] + Array("\r\n".utf8)
            start = end
        }
        return out + Array("0\r\n\r\n".utf8)
    }

    /// Sends `bytes` to 127.0.0.1:`port` and reads one response.
    static func exchange(port: UInt16, _ bytes: [UInt8], timeoutSeconds: Int = 30) async throws -> RawHTTPResponse {
        try await offPool { try exchangeBlocking(port: port, bytes, timeoutSeconds: timeoutSeconds) }
    }

    static func send(
        port: UInt16, _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) async throws -> RawHTTPResponse {
        try await exchange(port: port, request(method, target, headers: headers, body: body))
    }

    /// Whether a TCP connection to 127.0.0.1:`port` is accepted.
    static func canConnect(port: UInt16) async -> Bool {
        (try? await offPool { () throws -> Bool in
            let socket = try connect(port: port)
            close(socket)
            return true
        }) ?? false
    }

    /// Runs blocking work on a Dispatch thread and awaits its result.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    private static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw RawHTTPError(description: "connect() failed: errno \(code)")
        }
        return fd
    }

    /// Sends each request in turn on one connection (keep-alive) and reads one response to each.
    static func exchangeOnOneConnection(port: UInt16, _ requests: [[UInt8]], timeoutSeconds: Int = 30) async throws
        -> [RawHTTPResponse] {
        try await offPool {
            let fd = try openConnection(port: port, timeoutSeconds: timeoutSeconds)
            defer { close(fd) }
            var pending: [UInt8] = []
            var responses: [RawHTTPResponse] = []
            for request in requests {
                try sendAll(fd, request)
                responses.append(try readResponse(fd, pending: &pending))
            }
            return responses
        }
    }

    private static func exchangeBlocking(port: UInt16, _ bytes: [UInt8], timeoutSeconds: Int) throws -> RawHTTPResponse {
        let fd = try openConnection(port: port, timeoutSeconds: timeoutSeconds)
        defer { close(fd) }
        try sendAll(fd, bytes)
        var pending: [UInt8] = []
        return try readResponse(fd, pending: &pending)
    }

    private static func openConnection(port: UInt16, timeoutSeconds: Int) throws -> Int32 {
        let fd = try connect(port: port)
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw RawHTTPError(description: "send() failed: errno \(errno)") }
            offset += written
        }
    }

    /// Reads one response; bytes beyond it stay in `pending` for the next one. Without
    /// `Content-Length` the body runs to the end of the connection.
    private static func readResponse(_ fd: Int32, pending received: inout [UInt8]) throws -> RawHTTPResponse {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var headEnd = headTerminator(in: received)
        var expectedLength = headEnd.flatMap { parseHead(received[0..<$0]).headers["Content-Length"].flatMap { Int($0) } }
        while true {
            if let headEnd, let expectedLength, received.count - headEnd >= expectedLength { break }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else {
                throw RawHTTPError(description: "recv() failed after \(received.count) bytes: errno \(errno)")
            }
            received += buffer[0..<count]
            if headEnd == nil, let end = headTerminator(in: received) {
                headEnd = end
                expectedLength = parseHead(received[0..<end]).headers["Content-Length"].flatMap { Int($0) }
            }
        }
        guard let headEnd else {
            throw RawHTTPError(description: "no complete response head in \(received.count) bytes")
        }
        let head = parseHead(received[0..<headEnd])
        let bodyEnd = expectedLength.map { headEnd + $0 } ?? received.count
        guard bodyEnd <= received.count else {
            throw RawHTTPError(description: "body has \(received.count - headEnd) of \(bodyEnd - headEnd) bytes")
        }
        let body = Array(received[headEnd..<bodyEnd])
        received.removeFirst(bodyEnd)
        return RawHTTPResponse(statusLine: head.statusLine, status: head.status, headers: head.headers, body: body)
    }

    /// The index just past the blank line ending the head.
    private static func headTerminator(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>) -> (statusLine: String, status: Int, headers: HTTPHeaders) {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.first ?? ""
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        let status = parts.count >= 2 ? Int(parts[1]) ?? -1 : -1
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            headers.add(String(line[..<colon]), String(value))
        }
        return (statusLine, status, headers)
    }
}
