/// IEEE 802.3 CRC-32 (reflected polynomial 0xEDB88320, initial value and final XOR
/// 0xFFFFFFFF) — the zlib/PNG/Ethernet variant — computed with a 256-entry table.
///
/// Not a security primitive: it lets secret scanners recognise a well-formed API key offline.
public enum CRC32: Sendable {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = (c & 1) != 0 ? (0xEDB8_8320 ^ (c >> 1)) : (c >> 1)
        }
        return c
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }
}
