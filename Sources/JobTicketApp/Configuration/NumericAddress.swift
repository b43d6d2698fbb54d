import Glibc

/// Whether text is a numeric IPv4 or IPv6 address, as the listener needs (no host names).
enum NumericAddress {
    static func isValid(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
