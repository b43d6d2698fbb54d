import JobTicketCore
import Testing

private let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

/// Independently computed (Python: splitmix64 + zlib.crc32) for `RandomSource.seeded(42)`.
private let stagingSeed42 = "jt_test_PmnlcoT33tespfreKZFJPfK9OfCEdSQu0l1YlT"
private let productionSeed42 = "jt_live_PmnlcoT33tespfreKZFJPfK9OfCEdSQu2nvspm"

@Suite struct APIKeySecretTests {
    @Test(arguments: DeploymentEnvironment.allCases)
    func generatedSecretHasFormat(environment: DeploymentEnvironment) throws {
        let secret = APIKeySecret.generate(environment: environment, random: .system)
        #expect(secret.value.count == 46)
        #expect(secret.value.utf8.count == 46)
        #expect(secret.value.hasPrefix(environment.secretPrefix))
        #expect(secret.value.dropFirst(8).allSatisfy(Base62.isBase62))
        #expect(secret.environment == environment)
        let parsed = try APIKeySecret.parse(secret.value).get()
        #expect(parsed.value == secret.value)
        #expect(parsed.environment == environment)
        #expect(parsed == secret)
    }

    @Test func seededGenerationIsDeterministic() {
        let a = APIKeySecret.generate(environment: .staging, random: .seeded(42))
        let b = APIKeySecret.generate(environment: .staging, random: .seeded(42))
        #expect(a.value == stagingSeed42)
        #expect(b.value == stagingSeed42)
        #expect(APIKeySecret.generate(environment: .production, random: .seeded(42)).value == productionSeed42)
        #expect(APIKeySecret.generate(environment: .staging, random: .seeded(7)).value
            == "jt_test_TDoRgdHbSeywTyE42gr042SiHf0fonwP01jy6W")
    }

    @Test func environmentComesFromPrefix() throws {
        #expect(try APIKeySecret.parse(stagingSeed42).get().environment == .staging)
        #expect(try APIKeySecret.parse(productionSeed42).get().environment == .production)
        let zeros = try APIKeySecret.parse("jt_live_000000000000000000000000000000003FKyOD").get()
        #expect(zeros.environment == .production)
    }

    @Test(arguments: [stagingSeed42, productionSeed42])
    func everySingleCharacterChangeIsRejected(valid: String) throws {
        let original = Array(valid)
        for position in original.indices {
            for replacement in alphabet + ["_", "-", "é"] where replacement != original[position] {
                var mutated = original
                mutated[position] = replacement
                let expected: APIKeySecretError =
                    position < 8 || !Base62.isBase62(replacement) ? .malformed : .badChecksum
                #expect(APIKeySecret.parse(String(mutated)) == .failure(expected),
                        "position \(position) → \(replacement)")
            }
        }
    }

    @Test func malformedInputs() {
        let cases = [
            "",
            String(stagingSeed42.dropLast()),
            stagingSeed42 + "0",
            "jt_prod_" + stagingSeed42.dropFirst(8),
            "JT_TEST_" + stagingSeed42.dropFirst(8),
            " " + stagingSeed42.dropFirst(),
            stagingSeed42.dropLast() + "\n",
        ]
        for input in cases {
            #expect(APIKeySecret.parse(input) == .failure(.malformed), "\(input)")
        }
    }

    @Test func checksumThatOverflowsUInt32IsBadChecksum() {
        #expect(APIKeySecret.parse(stagingSeed42.dropLast(6) + "zzzzzz") == .failure(.badChecksum))
    }

    @Test func otherEnvironmentPrefixBreaksChecksum() {
        // The checksum covers the prefix, so swapping the prefix alone is detected.
        #expect(APIKeySecret.parse("jt_live_" + stagingSeed42.dropFirst(8)) == .failure(.badChecksum))
    }

    @Test func sha256AndMatches() throws {
        let secret = try APIKeySecret.parse(stagingSeed42).get()
        #expect(Crypto.hex(secret.sha256) == "6667f62ac2b1c4bd7b85d3bf9a7a882264152adbcbbba8dc639356b4e61a4ce0")
        #expect(secret.matches(sha256: secret.sha256))
        let other = try APIKeySecret.parse(productionSeed42).get()
        #expect(!secret.matches(sha256: other.sha256))
        #expect(!secret.matches(sha256: Array(secret.sha256.dropLast())))
        #expect(!secret.matches(sha256: []))
        #expect(secret != other)
    }

    @Test func descriptionsNeverRevealTheSecret() throws {
        let staging = try APIKeySecret.parse(stagingSeed42).get()
        let production = try APIKeySecret.parse(productionSeed42).get()
        #expect("\(staging)" == "APIKeySecret(jt_test_…redacted)")
        #expect(String(describing: production) == "APIKeySecret(jt_live_…redacted)")
        #expect(String(reflecting: staging) == "APIKeySecret(jt_test_…redacted)")
        #expect("\([staging])" == "[APIKeySecret(jt_test_…redacted)]")
        var dumped = ""
        dump(staging, to: &dumped)
        #expect(!dumped.contains("PmnlcoT33"))
        #expect(dumped.contains("staging"))
        let result = APIKeySecret.parse(stagingSeed42)
        #expect(!"\(result)".contains("PmnlcoT33"))
    }
}
