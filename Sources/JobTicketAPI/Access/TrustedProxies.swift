import Glibc
import HTTPServer

/// Reverse proxies (nginx) whose word on the client's address is taken: for requests from them
/// the client is `X-Real-IP`, else the last address of `X-Forwarded-For`. Without this, every
/// request behind a proxy comes from the proxy, and one client's failed logins block everyone.
public struct TrustedProxies: Sendable {
    public let addresses: Set<String>

    public init(_ addresses: Set<String> = []) {
        self.addresses = addresses
    }

    /// The request with `remoteAddress` set to the real client when the peer is trusted.
    public func resolvingClient(_ request: HTTPRequest) -> HTTPRequest {
        guard !addresses.isEmpty, addresses.contains(request.remoteAddress) else { return request }
        let forwarded = request.headers["X-Real-IP"]
            ?? request.headers.values("X-Forwarded-For").joined(separator: ",").split(separator: ",").last.map(String.init)
        guard let client = forwarded?.trimmingWhitespace(), Self.isNumericAddress(client) else { return request }
        var resolved = request
        resolved.remoteAddress = client
        return resolved
    }

    public static func isNumericAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
