/// Everything the transport needs to know; every limit has a safe default.
public struct HTTPServerConfiguration: Sendable {
    public var host: String
    /// `0` picks a free port; `MicroHTTPDServer.port` tells which.
    public var port: UInt16
    public var threadPoolSize: Int
    public var connectionLimit: Int
    public var perIPConnectionLimit: Int
    /// Seconds a connection may stay idle before it is closed.
    public var idleTimeoutSeconds: Int
    /// Memory per connection for the request head and buffers (libmicrohttpd's default is 32 KiB).
    public var connectionMemoryLimit: Int
    /// How long a shutdown waits for in-flight requests before closing them.
    public var shutdownGraceSeconds: Double
    /// The largest body accepted for a method and path; beyond it the transport answers 413.
    public var bodyLimit: @Sendable (_ method: String, _ path: String) -> Int
    /// Request body bytes all connections together may hold in memory; beyond it, 503.
    public var bodyMemoryBudget: Int
    /// Looks at the head of a request that carries a body before the body is read, and may
    /// refuse it (e.g. missing credentials), so nobody can make the server buffer megabytes
    /// it would refuse anyway. The response is sent and the connection closed.
    public var admission: @Sendable (HTTPRequest) -> HTTPResponse?

    public init(
        host: String = "127.0.0.1", port: UInt16 = 8080, threadPoolSize: Int = 2,
        connectionLimit: Int = 1024, perIPConnectionLimit: Int = 128, idleTimeoutSeconds: Int = 30,
        connectionMemoryLimit: Int = 64 * 1024, shutdownGraceSeconds: Double = 10,
        bodyLimit: @escaping @Sendable (_ method: String, _ path: String) -> Int = { _, _ in 1 << 20 },
        bodyMemoryBudget: Int = 512 << 20,
        admission: @escaping @Sendable (HTTPRequest) -> HTTPResponse? = { _ in nil }
    ) {
        self.host = host
        self.port = port
        self.threadPoolSize = threadPoolSize
        self.connectionLimit = connectionLimit
        self.perIPConnectionLimit = perIPConnectionLimit
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.connectionMemoryLimit = connectionMemoryLimit
        self.shutdownGraceSeconds = shutdownGraceSeconds
        self.bodyLimit = bodyLimit
        self.bodyMemoryBudget = bodyMemoryBudget
        self.admission = admission
    }
}
