import Foundation
import JobTicketAPI
import JobTicketCore

/// Everything `jobticket serve` and the operator commands are configured with (DESIGN.md table).
/// Built once at start; a bad value stops the process with a message naming the variable.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: UInt16
    public var database: DatabaseLocation
    public var environment: DeploymentEnvironment
    public var publicURL: String
    /// Base64 of 32 bytes, if given; staging generates one into the data directory otherwise.
    public var masterKey: String?
    public var rateLimit: Int
    public var rateLimitBlockSeconds: Int
    public var authFailureLimit: Int
    public var keyCacheSeconds: Int
    public var logLevel: LogLevel
    public var logFormat: LogFormat
    /// A fixed "now" for integrators' tests; staging only.
    public var now: Timestamp?
    public var threads: Int
    public var connectionLimit: Int
    public var perIPConnectionLimit: Int
    public var idleTimeoutSeconds: Int
    public var headerMemory: Int
    public var bodyLimit: Int
    public var syncBodyLimit: Int
    public var shutdownGraceSeconds: Double
    public var bodyMemoryBudget: Int
    /// Proxies whose X-Real-IP / X-Forwarded-For name the client.
    public var trustedProxies: Set<String>

    /// The variables this reads, with their defaults and meaning, for `--help` and the README.
    public static let variables: [(name: String, defaultValue: String, meaning: String)] = [
        ("JOBTICKET_HOST", "127.0.0.1", "IP address to listen on"),
        ("JOBTICKET_PORT", "8080", "TCP port to listen on (1-65535)"),
        ("JOBTICKET_DATABASE", "sqlite:./data/jobticket.sqlite", "database location"),
        ("JOBTICKET_ENVIRONMENT", "staging", "staging or production (production requires JOBTICKET_MASTER_KEY)"),
        ("JOBTICKET_PUBLIC_URL", "http://localhost:<port>", "absolute base URL used in every link"),
        ("JOBTICKET_MASTER_KEY", "<data dir>/master.key on staging", "base64 of 32 bytes; encrypts revealable secrets"),
        ("JOBTICKET_RATE_LIMIT", "100", "requests per minute per API key"),
        ("JOBTICKET_RATE_LIMIT_BLOCK_SECONDS", "300", "how long a key that exceeded its limit is blocked"),
        ("JOBTICKET_AUTH_FAILURE_LIMIT", "30", "failed authentications per minute per client IP"),
        ("JOBTICKET_KEY_CACHE_SECONDS", "1", "seconds a looked-up API key is trusted before it is read again (0-60)"),
        ("JOBTICKET_LOG_LEVEL", "info", "debug, info, warn or error"),
        ("JOBTICKET_LOG_FORMAT", "json", "json or text"),
        ("JOBTICKET_NOW", "unset", "fixed ISO-8601 time for \"now\" (staging only)"),
        ("JOBTICKET_THREADS", "2", "HTTP worker threads"),
        ("JOBTICKET_CONNECTION_LIMIT", "1024", "simultaneous connections"),
        ("JOBTICKET_PER_IP_CONNECTION_LIMIT", "128", "simultaneous connections per client IP"),
        ("JOBTICKET_IDLE_TIMEOUT", "30", "seconds before an idle connection is closed"),
        ("JOBTICKET_HEADER_MEMORY", "65536", "bytes of memory per connection for request headers"),
        ("JOBTICKET_BODY_LIMIT", "65536", "largest request body in bytes, for routes without their own limit"),
        ("JOBTICKET_SYNC_BODY_LIMIT", "67108864", "largest HR sync body in bytes"),
        ("JOBTICKET_SHUTDOWN_GRACE", "10", "seconds in-flight requests get to finish on SIGTERM"),
        ("JOBTICKET_BODY_MEMORY", "536870912", "request body bytes all connections together may hold in memory"),
        ("JOBTICKET_TRUSTED_PROXIES", "none", "comma-separated proxy IPs whose X-Real-IP / X-Forwarded-For name the client"),
    ]

    /// The settings flags every command accepts (`port`, `database`…).
    public static var flagNames: Set<String> { Set(variables.map { SettingsSource.flagName($0.name) }) }

    public init(_ source: SettingsSource) throws(ConfigurationError) {
        let reader = SettingReader(source: source)
        host = try reader.string("JOBTICKET_HOST", default: "127.0.0.1") { value in
            TrustedProxies.isNumericAddress(value) ? nil : "expected a numeric IPv4 or IPv6 address such as 127.0.0.1 or ::1"
        }
        port = UInt16(try reader.integer("JOBTICKET_PORT", default: 8080, range: 1...65535))
        database = try reader.parsed("JOBTICKET_DATABASE", default: "sqlite:./data/jobticket.sqlite",
                                     expected: "sqlite:<path>", DatabaseLocation.init)
        environment = try reader.parsed("JOBTICKET_ENVIRONMENT", default: "staging", expected: "staging or production",
                                        DeploymentEnvironment.init(rawValue:))
        publicURL = try reader.parsed("JOBTICKET_PUBLIC_URL", default: "http://localhost:\(port)",
                                      expected: "an absolute http or https URL without query", Self.normalisedURL)
        masterKey = reader.optional("JOBTICKET_MASTER_KEY")
        rateLimit = try reader.integer("JOBTICKET_RATE_LIMIT", default: 100, range: 1...1_000_000)
        rateLimitBlockSeconds = try reader.integer("JOBTICKET_RATE_LIMIT_BLOCK_SECONDS", default: 300, range: 0...86_400)
        authFailureLimit = try reader.integer("JOBTICKET_AUTH_FAILURE_LIMIT", default: 30, range: 1...1_000_000)
        keyCacheSeconds = try reader.integer("JOBTICKET_KEY_CACHE_SECONDS", default: 1, range: 0...60)
        logLevel = try reader.parsed("JOBTICKET_LOG_LEVEL", default: "info", expected: "debug, info, warn or error",
                                     LogLevel.init(rawValue:))
        logFormat = try reader.parsed("JOBTICKET_LOG_FORMAT", default: "json", expected: "json or text", LogFormat.init(rawValue:))
        now = try reader.optional("JOBTICKET_NOW").map { text throws(ConfigurationError) in
            try reader.parsed("JOBTICKET_NOW", default: text, expected: "an ISO-8601 timestamp such as 2024-05-14T06:00:00Z",
                              Timestamp.init(iso8601:))
        }
        threads = try reader.integer("JOBTICKET_THREADS", default: 2, range: 1...256)
        connectionLimit = try reader.integer("JOBTICKET_CONNECTION_LIMIT", default: 1024, range: 1...100_000)
        perIPConnectionLimit = try reader.integer("JOBTICKET_PER_IP_CONNECTION_LIMIT", default: 128, range: 1...100_000)
        idleTimeoutSeconds = try reader.integer("JOBTICKET_IDLE_TIMEOUT", default: 30, range: 1...3600)
        headerMemory = try reader.integer("JOBTICKET_HEADER_MEMORY", default: 65536, range: 8192...(16 << 20))
        bodyLimit = try reader.integer("JOBTICKET_BODY_LIMIT", default: 65536, range: 1024...(1 << 30))
        syncBodyLimit = try reader.integer("JOBTICKET_SYNC_BODY_LIMIT", default: 64 << 20, range: 1024...(1 << 31))
        shutdownGraceSeconds = Double(try reader.integer("JOBTICKET_SHUTDOWN_GRACE", default: 10, range: 0...3600))
        bodyMemoryBudget = try reader.integer("JOBTICKET_BODY_MEMORY", default: 512 << 20, range: (1 << 20)...(1 << 40))
        trustedProxies = try reader.parsed("JOBTICKET_TRUSTED_PROXIES", default: "", expected: "comma-separated numeric IP addresses") { text in
            let addresses = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return addresses.allSatisfy(TrustedProxies.isNumericAddress) ? Set(addresses) : nil
        }

        if environment == .production {
            if masterKey == nil {
                throw ConfigurationError(variable: "JOBTICKET_MASTER_KEY",
                                         message: "is required when JOBTICKET_ENVIRONMENT is production")
            }
            if now != nil {
                throw ConfigurationError(variable: "JOBTICKET_NOW", message: "is honoured on staging only; unset it on production")
            }
        }
    }

    private static func normalisedURL(_ text: String) -> String? {
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              scheme == "http" || scheme == "https", components.host?.isEmpty == false,
              components.query == nil, components.fragment == nil else { return nil }
        return url
    }
}
