import Foundation
import JobTicketCore
import Synchronization
import Testing

/// A `RandomSource` that hands out exactly `script`, in order, and traps when it runs dry.
private func scripted(_ script: [UInt8]) -> RandomSource {
    let remaining = Mutex(script[...])
    return RandomSource { count in
        remaining.withLock { bytes in
            precondition(bytes.count >= count, "scripted RandomSource ran out of bytes")
            defer { bytes = bytes.dropFirst(count) }
            return Array(bytes.prefix(count))
        }
    }
}

private func littleEndian(_ word: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
}

private func bytes(hex: String) -> [UInt8] {
    let chars = Array(hex.utf8)
    return stride(from: 0, to: chars.count, by: 2).map {
        UInt8(String(decoding: chars[$0...$0 + 1], as: UTF8.self), radix: 16)!
    }
}

@Suite struct HashTests {
    @Test func sha256OfABC() {
        #expect(Crypto.hex(Crypto.sha256(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256OfEmptyInputAndOfNonContiguousCollection() {
        #expect(Crypto.hex(Crypto.sha256([UInt8]()))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // A lazy mapped collection has no contiguous storage: exercises the copying path.
        let abc = [0x60, 0x61, 0x62].lazy.map { UInt8($0 + 1) }
        #expect(Crypto.hex(Crypto.sha256(abc))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Crypto.sha256("abc".utf8) == Crypto.sha256(Array("abc".utf8)))
    }

    @Test func hmacRFC4231TestCase2() {
        let tag = Crypto.hmacSHA256(key: Array("Jefe".utf8), message: "what do ya want for nothing?".utf8)
        #expect(Crypto.hex(tag) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacRFC4231TestCase6KeyLongerThanBlock() {
        let key = [UInt8](repeating: 0xAA, count: 131)
        let message = "Test Using Larger Than Block-Size Key - Hash Key First".utf8
        #expect(Crypto.hex(Crypto.hmacSHA256(key: key, message: message))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func hmacWithEmptyKeyAndMessage() {
        #expect(Crypto.hex(Crypto.hmacSHA256(key: [], message: [UInt8]()))
            == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func constantTimeEqual() {
        #expect(Crypto.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Crypto.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!Crypto.constantTimeEqual([0, 2, 3], [1, 2, 3]))
        #expect(!Crypto.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(!Crypto.constantTimeEqual([], [0]))
        #expect(Crypto.constantTimeEqual([], []))
    }

    @Test func hexIsLowercaseTwoDigitsPerByte() {
        #expect(Crypto.hex([0x00, 0x0F, 0xFF, 0xA5, 0x10]) == "000fffa510")
        #expect(Crypto.hex([UInt8]()) == "")
    }

    @Test func crc32StandardVectors() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum("The quick brown fox jumps over the lazy dog".utf8) == 0x414F_A339)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }
}

@Suite struct Base62Tests {
    @Test func encodeIsFixedWidthAndLeftPadded() {
        #expect(Base62.encode(0, width: 6) == "000000")
        #expect(Base62.encode(61, width: 3) == "00z")
        #expect(Base62.encode(62, width: 3) == "010")
        #expect(Base62.encode(0xCBF4_3926, width: 6) == "3jZRME")
        #expect(Base62.encode(UInt32.max, width: 6) == "4gfFC3")
        #expect(Base62.encode(UInt32.max, width: 8) == "004gfFC3")
    }

    @Test(arguments: [UInt32(0), 1, 9, 10, 35, 36, 61, 62, 3843, 3844, 0xCBF4_3926, UInt32.max])
    func roundTrip(value: UInt32) {
        let encoded = Base62.encode(value, width: 6)
        #expect(encoded.count == 6)
        #expect(Base62.decode(Substring(encoded)) == UInt64(value))
    }

    @Test func decodeRejectsInvalidInput() {
        #expect(Base62.decode("") == nil)
        #expect(Base62.decode("ab-c") == nil)
        #expect(Base62.decode("äb") == nil)
        #expect(Base62.decode("LygHa16AHYF") == UInt64.max)
        #expect(Base62.decode("LygHa16AHYG") == nil)  // UInt64.max + 1
        #expect(Base62.decode("zzzzzzzzzzzz") == nil)
        #expect(Base62.decode("xx00zxx".dropFirst(2).dropLast(2)) == 61)
    }

    @Test func isBase62() {
        for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" {
            #expect(Base62.isBase62(c))
        }
        for c: Character in ["_", "-", "+", "/", "=", " ", "é", "\u{0}", "０", "e\u{301}"] {
            #expect(!Base62.isBase62(c))
        }
    }

    @Test func randomStringRejectsBiasedBytes() {
        // 248 and 255 are rejected (≥ 4 × 62); then 0 → "0", 61 → "z", 62 → "0", 247 → "z".
        let source = scripted([248, 255, 0, 61, 62, 247])
        #expect(Base62.randomString(length: 4, random: source) == "0z0z")
    }

    @Test func randomStringHasRequestedLengthAndAlphabet() {
        let s = Base62.randomString(length: 200, random: .system)
        #expect(s.count == 200)
        #expect(s.allSatisfy(Base62.isBase62))
        #expect(Base62.randomString(length: 0, random: .failing) == "")
    }
}

@Suite struct RandomSourceTests {
    @Test func seededIsSplitMix64LittleEndian() {
        // Reference outputs of splitmix64 for seed 0.
        let expected = littleEndian(0xE220_A839_7B1D_CDAF) + littleEndian(0x6E78_9E6A_A1B9_65F4)
            + littleEndian(0x06C4_5D18_8009_454F)
        let source = RandomSource.seeded(0)
        #expect(source.bytes(16) == Array(expected[0..<16]))
        // A partial word consumes a whole word: the 3 bytes come from the third output.
        #expect(source.bytes(3) == Array(expected[16..<19]))
        #expect(RandomSource.seeded(0).bytes(0) == [])
    }

    @Test func seededIsDeterministicPerSeed() {
        #expect(RandomSource.seeded(42).bytes(64) == RandomSource.seeded(42).bytes(64))
        #expect(RandomSource.seeded(42).bytes(64) != RandomSource.seeded(43).bytes(64))
    }

    @Test func systemReturnsRequestedCount() {
        #expect(RandomSource.system.bytes(0) == [])
        let a = RandomSource.system.bytes(32)
        let b = RandomSource.system.bytes(32)
        #expect(a.count == 32)
        #expect(a != b)
    }

    @Test func uuidSetsVersion4AndVariantBits() {
        // seeded(1) starts with c15c0289ec2d0a91 67ec8e65a18debbe: byte 6 0x0a → 0x4a, byte 8 0x67 → 0xa7.
        #expect(RandomSource.seeded(1).uuid().uuidString == "C15C0289-EC2D-4A91-A7EC-8E65A18DEBBE")
        let source = scripted([UInt8](repeating: 0xFF, count: 16))
        #expect(source.uuid().uuidString == "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF")
    }

    @Test func uniformRejectsDrawsBelowThreshold() {
        // 2⁶⁴ mod 3 = 1: a draw of 0 is rejected, the next draw 4 gives 4 % 3 = 1.
        #expect(scripted(littleEndian(0) + littleEndian(4)).uniform(3) == 1)
        // bound 3·2⁶¹: 2⁶⁴ mod bound = 2⁶², so 2⁶² − 1 is rejected and 2⁶² + 5 is kept.
        let bound = 0x6000_0000_0000_0000
        let source = scripted(littleEndian(0x3FFF_FFFF_FFFF_FFFF) + littleEndian(0x4000_0000_0000_0005))
        #expect(source.uniform(bound) == 0x4000_0000_0000_0005)
        #expect(RandomSource.failing.uniform(1) == 0)
    }

    @Test func uniformStaysInRange() {
        let source = RandomSource.seeded(9)
        var seen = Set<Int>()
        for _ in 0..<500 {
            let n = source.uniform(7)
            #expect((0..<7).contains(n))
            seen.insert(n)
        }
        #expect(seen == Set(0..<7))
    }

    @Test func failingTrapsWhenUsed() async {
        await #expect(processExitsWith: .failure) {
            _ = RandomSource.failing.bytes(1)
        }
    }
}

@Suite struct SecretBoxTests {
    let key = SecretBox.generateKey(random: .seeded(1))

    @Test func generateKeyDrawsThirtyTwoBytes() {
        #expect(key.count == 32)
        #expect(key == RandomSource.seeded(1).bytes(32))
    }

    @Test func sealOpenRoundTrip() throws {
        let box = try #require(SecretBox(key: key))
        let plaintext = Array("jt_test_PmnlcoT33tespfreKZFJPfK9OfCEdSQu0l1YlT".utf8)
        let sealed = box.seal(plaintext, random: .seeded(5))
        #expect(sealed.count == 24 + 16 + plaintext.count)
        #expect(Array(sealed.prefix(24)) == RandomSource.seeded(5).bytes(24))
        #expect(!Crypto.constantTimeEqual(Array(sealed.suffix(plaintext.count)), plaintext))
        #expect(box.open(sealed) == plaintext)
    }

    @Test func emptyPlaintextRoundTrip() throws {
        let box = try #require(SecretBox(key: key))
        let sealed = box.seal([], random: .system)
        #expect(sealed.count == 40)
        #expect(box.open(sealed) == [])
    }

    @Test func freshNonceEachTime() throws {
        let box = try #require(SecretBox(key: key))
        #expect(box.seal([1, 2, 3], random: .system) != box.seal([1, 2, 3], random: .system))
    }

    @Test func anyTamperedByteIsRejected() throws {
        let box = try #require(SecretBox(key: key))
        let sealed = box.seal(Array("secret".utf8), random: .seeded(2))
        for index in sealed.indices {
            var tampered = sealed
            tampered[index] ^= 0x01
            #expect(box.open(tampered) == nil, "byte \(index)")
        }
        #expect(box.open(Array(sealed.dropLast())) == nil)
        #expect(box.open(sealed + [0]) == nil)
    }

    @Test func wrongKeyAndShortInputAreRejected() throws {
        let box = try #require(SecretBox(key: key))
        let other = try #require(SecretBox(key: SecretBox.generateKey(random: .seeded(3))))
        let sealed = box.seal(Array("secret".utf8), random: .system)
        #expect(other.open(sealed) == nil)
        #expect(box.open([UInt8](repeating: 0, count: 39)) == nil)
        #expect(box.open([]) == nil)
    }

    @Test func keyLengthIsEnforced() {
        #expect(SecretBox(key: [UInt8](repeating: 7, count: 31)) == nil)
        #expect(SecretBox(key: [UInt8](repeating: 7, count: 33)) == nil)
        #expect(SecretBox(key: []) == nil)
        #expect(SecretBox(key: [UInt8](repeating: 7, count: 32)) != nil)
    }

    @Test func base64Key() throws {
        let encoded = Data(key).base64EncodedString()
        let fromBase64 = try #require(SecretBox(base64: encoded + "\n"))
        let sealed = try #require(SecretBox(key: key)).seal([9, 8, 7], random: .system)
        #expect(fromBase64.open(sealed) == [9, 8, 7])
        #expect(SecretBox(base64: "not base64!") == nil)
        #expect(SecretBox(base64: Data(repeating: 1, count: 16).base64EncodedString()) == nil)
    }

    @Test func descriptionDoesNotRevealKey() throws {
        let box = try #require(SecretBox(key: [UInt8](repeating: 0xAB, count: 32)))
        #expect("\(box)" == "SecretBox(key: redacted)")
        #expect(String(reflecting: box) == "SecretBox(key: redacted)")
        var dumped = ""
        dump(box, to: &dumped)
        #expect(!dumped.contains("171"))  // 0xAB
    }
}

@Suite struct DeploymentEnvironmentTests {
    @Test func prefixesAndRawValues() throws {
        #expect(DeploymentEnvironment.staging.secretPrefix == "jt_test_")
        #expect(DeploymentEnvironment.production.secretPrefix == "jt_live_")
        #expect(DeploymentEnvironment.allCases == [.staging, .production])
        #expect(DeploymentEnvironment(rawValue: "production") == .production)
        #expect(DeploymentEnvironment(rawValue: "prod") == nil)
        let json = try JSONEncoder().encode([DeploymentEnvironment.staging])
        #expect(String(decoding: json, as: UTF8.self) == #"["staging"]"#)
    }
}
