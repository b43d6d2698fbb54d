/// Universally Unique Lexicographically Sortable Identifiers: 48 bits of milliseconds and 80 of
/// randomness in Crockford base32, 26 characters.
enum ULID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    static func make(milliseconds: UInt64, random high: UInt64, _ low: UInt64) -> String {
        var characters = [UInt8](repeating: 0, count: 26)
        var time = milliseconds
        for index in stride(from: 9, through: 0, by: -1) {
            characters[index] = alphabet[Int(time & 31)]
            time >>= 5
        }
        // 80 random bits: 16 from `high`, 64 from `low`.
        var bits = low
        var upper = high & 0xFFFF
        for index in stride(from: 25, through: 10, by: -1) {
            characters[index] = alphabet[Int(bits & 31)]
            bits = (bits >> 5) | ((upper & 31) << 59)
            upper >>= 5
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
