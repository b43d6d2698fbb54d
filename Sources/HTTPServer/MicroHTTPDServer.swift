import CMicroHTTPD
import Foundation
import Glibc

/// The HTTP/1.1 transport: libmicrohttpd's epoll thread pool in front of an `HTTPResponder`.
///
/// Each request's connection is suspended while its responder runs as a Swift task and resumed
/// with the response, so slow handlers never hold one of libmicrohttpd's threads.
public final class MicroHTTPDServer: Sendable {
    public enum StartError: Error, CustomStringConvertible {
        case invalidHost(String)
        case cannotListen(host: String, port: UInt16)

        public var description: String {
            switch self {
            case .invalidHost(let host): "'\(host)' is not an IPv4 or IPv6 address."
            case .cannotListen(let host, let port): "Cannot listen on \(host):\(port) (in use, or not permitted)."
            }
        }
    }

    /// The port actually bound (useful with port 0).
    public let port: UInt16
    private let daemon: DaemonHandle
    private let context: Unmanaged<ServerContext>

    public init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder,
        errorResponse: @escaping @Sendable (TransportError, HTTPRequest) -> HTTPResponse
    ) throws {
        let context = Unmanaged.passRetained(
            ServerContext(responder: responder, configuration: configuration, errorResponse: errorResponse))
        guard let address = SocketAddress(host: configuration.host, port: configuration.port) else {
            context.release()
            throw StartError.invalidHost(configuration.host)
        }
        let started = address.withSockaddr { sockaddr, isIPv6 in
            Self.startDaemon(configuration: configuration, context: context, address: sockaddr, ipv6: isIPv6)
        }
        guard let started else {
            context.release()
            throw StartError.cannotListen(host: configuration.host, port: configuration.port)
        }
        self.daemon = DaemonHandle(pointer: started)
        self.context = context
        self.port = jt_mhd_bind_port(started)
    }

    /// Stops accepting connections, waits up to the grace period for in-flight requests, answers
    /// those still running with 503, then closes everything. Returns whether every in-flight
    /// request finished in time. Calling it again does nothing.
    @discardableResult
    public func shutdown() -> Bool {
        let server = context.takeUnretainedValue()
        guard !server.shuttingDown.exchange(true, ordering: .acquiringAndReleasing) else { return false }
        // After quiescing, libmicrohttpd no longer accepts, but the kernel would still complete
        // handshakes on the open socket: close it now so new clients are refused at once.
        let listener = MHD_quiesce_daemon(daemon.pointer)
        if listener >= 0 { close(listener) }
        let drained = waitForInFlight(seconds: server.configuration.shutdownGraceSeconds)
        // libmicrohttpd aborts the process if stopped with a suspended connection: answer them.
        if server.suspended.abandonAll(with: { server.errorResponse(.shuttingDown, $0) }) > 0 {
            _ = waitForInFlight(seconds: 1)
        }
        MHD_stop_daemon(daemon.pointer)
        context.release()
        return drained
    }

    private func waitForInFlight(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while inFlightRequests > 0 && Date() < deadline {
            usleep(10_000)
        }
        return inFlightRequests == 0
    }

    /// Requests whose head has arrived and whose response has not been fully sent.
    public var inFlightRequests: Int {
        context.takeUnretainedValue().inFlight.load(ordering: .relaxed)
    }

    private static func startDaemon(
        configuration: HTTPServerConfiguration, context: Unmanaged<ServerContext>,
        address: UnsafePointer<sockaddr>, ipv6: Bool
    ) -> OpaquePointer? {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_USE_ERROR_LOG.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ITC.rawValue
        if ipv6 { flags |= MHD_USE_IPv6.rawValue }
        let completed = unsafeBitCast(
            mhdRequestCompleted as MHD_RequestCompletedCallback, to: OpaquePointer.self)
        let keepEscaped = unsafeBitCast(
            mhdKeepEscaped as @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafeMutablePointer<CChar>?) -> Int,
            to: OpaquePointer.self)
        let arguments: [CVarArg] = [
            MHD_OPTION.THREAD_POOL_SIZE.rawValue, UInt32(configuration.threadPoolSize),
            MHD_OPTION.CONNECTION_LIMIT.rawValue, UInt32(configuration.connectionLimit),
            MHD_OPTION.PER_IP_CONNECTION_LIMIT.rawValue, UInt32(configuration.perIPConnectionLimit),
            MHD_OPTION.CONNECTION_TIMEOUT.rawValue, UInt32(configuration.idleTimeoutSeconds),
            MHD_OPTION.CONNECTION_MEMORY_LIMIT.rawValue, configuration.connectionMemoryLimit,
            MHD_OPTION.SOCK_ADDR.rawValue, OpaquePointer(address),
            MHD_OPTION.NOTIFY_COMPLETED.rawValue, completed, OpaquePointer(context.toOpaque()),
            MHD_OPTION.UNESCAPE_CALLBACK.rawValue, keepEscaped, Int(0),
            MHD_OPTION.END.rawValue,
        ]
        return withVaList(arguments) { list in
            MHD_start_daemon_va(flags, configuration.port, nil, nil, mhdAccessHandler, context.toOpaque(), list)
        }
    }
}

/// The daemon pointer, immutable after start and safe to use from any thread.
private struct DaemonHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
