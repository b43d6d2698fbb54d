/// Base62 with the alphabet `0-9A-Za-z` (digit value = index in the alphabet): compact,
/// URL-safe and double-click-selectable, used for API key secrets.
public enum Base62: Sendable {
    /// The 62 digits, in value order, as ASCII bytes.
    public static let alphabet: [UInt8] = Array(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `value` in base62, left-padded with `"0"` to exactly `width` characters.
    /// Traps if `value` needs more than `width` digits (6 digits hold any `UInt32`).
    public static func encode(_ value: UInt32, width: Int) -> String {
        precondition(width >= 0, "width must not be negative")
        var digits = [UInt8](repeating: alphabet[0], count: width)
        var rest = value
        var index = width
        while rest > 0 {
            precondition(index > 0, "\(value) does not fit in \(width) base62 digits")
            index -= 1
            digits[index] = alphabet[Int(rest % 62)]
            rest /= 62
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The value of a base62 string; `nil` if it is empty, contains a character outside
    /// the alphabet, or overflows `UInt64`.
    public static func decode(_ s: Substring) -> UInt64? {
        guard !s.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in s.utf8 {
            guard let digit = digitValue(byte) else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 62)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// Whether `c` is one of the 62 alphabet characters.
    public static func isBase62(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue, c.unicodeScalars.count == 1 else { return false }
        return digitValue(ascii) != nil
    }

    /// `length` characters drawn uniformly and independently from the alphabet.
    ///
    /// Bytes ≥ 248 (= 4 × 62) are rejected, so each remaining byte maps onto exactly four
    /// values per digit and `byte % 62` has no modulo bias.
    public static func randomString(length: Int, random: RandomSource) -> String {
        precondition(length >= 0, "length must not be negative")
        var out: [UInt8] = []
        out.reserveCapacity(length)
        while out.count < length {
            for byte in random.bytes(length - out.count) where byte < 248 {
                out.append(alphabet[Int(byte % 62)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digit value of an ASCII byte, or `nil` if it is not in the alphabet.
    static func digitValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 36
        default: nil
        }
    }
}
