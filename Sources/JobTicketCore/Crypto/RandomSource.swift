import CSodium
import Foundation
import Synchronization

/// A source of random bytes, injected wherever randomness is needed so tests can be
/// deterministic (`seeded`) or prove that no randomness is consumed (`failing`).
public struct RandomSource: Sendable {
    /// Returns exactly the requested number of random bytes.
    public var bytes: @Sendable (Int) -> [UInt8]

    public init(bytes: @escaping @Sendable (Int) -> [UInt8]) {
        self.bytes = bytes
    }

    /// Cryptographically secure randomness from libsodium (`randombytes_buf`).
    public static let system = RandomSource { count in
        precondition(count >= 0, "negative byte count")
        Crypto.ensureSodiumInitialized()
        var out = [UInt8](repeating: 0, count: count)
        if count > 0 {
            out.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
        }
        return out
    }

    /// Deterministic, NOT cryptographically secure bytes for tests: a splitmix64 stream.
    ///
    /// Every call draws `ceil(count / 8)` 64-bit outputs and emits them little-endian,
    /// discarding the unused tail bytes of the last word. The state sits behind a `Mutex` so
    /// the source stays `Sendable` and concurrent callers each get distinct bytes.
    public static func seeded(_ seed: UInt64) -> RandomSource {
        let generator = SeededBytes(seed: seed)
        return RandomSource { count in
            precondition(count >= 0, "negative byte count")
            return generator.bytes(count)
        }
    }

    /// A test double for code paths that must not consume randomness: it traps when used.
    public static let failing = RandomSource { _ in
        fatalError("RandomSource.failing was used")
    }

    /// A random (version 4, RFC 9562 variant) UUID built from 16 bytes of this source.
    public func uuid() -> UUID {
        var b = bytes(16)
        precondition(b.count == 16, "RandomSource returned \(b.count) bytes, expected 16")
        b[6] = (b[6] & 0x0F) | 0x40  // version 4
        b[8] = (b[8] & 0x3F) | 0x80  // variant 10xx
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                           b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }

    /// A uniformly distributed integer in `0..<upperBound`.
    ///
    /// Plain `random % upperBound` favours small results whenever 2⁶⁴ is not a multiple of
    /// `upperBound`; draws below `2⁶⁴ mod upperBound` are rejected so every residue is equally
    /// likely (the rejection probability is below 50 %, and usually negligible).
    public func uniform(_ upperBound: Int) -> Int {
        precondition(upperBound > 0, "upperBound must be positive")
        if upperBound == 1 { return 0 }
        let bound = UInt64(upperBound)
        let threshold = (0 &- bound) % bound  // == 2⁶⁴ mod bound
        while true {
            let draw = nextUInt64()
            if draw >= threshold {
                return Int(draw % bound)
            }
        }
    }

    /// Eight bytes of this source read as a little-endian `UInt64`.
    func nextUInt64() -> UInt64 {
        let b = bytes(8)
        precondition(b.count == 8, "RandomSource returned \(b.count) bytes, expected 8")
        return b.reversed().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
    }
}

/// A `SplitMix64` stream behind a mutex, as bytes.
private final class SeededBytes: Sendable {
    private let generator: Mutex<SplitMix64>

    init(seed: UInt64) {
        generator = Mutex(SplitMix64(seed: seed))
    }

    func bytes(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count + 7)
        generator.withLock { generator in
            while out.count < count {
                let word = generator.next()
                for shift in stride(from: 0, to: 64, by: 8) {
                    out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
                }
            }
        }
        return Array(out.prefix(count))
    }
}
