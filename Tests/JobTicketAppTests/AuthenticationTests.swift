import Foundation
import HTTPServer
import JobTicketAPI
import JobTicketCore
import Testing

/// One way of presenting bad credentials (spec §2) and the reason the audit log must record.
struct BadCredentials: Sendable, CustomTestStringConvertible {
    let name: String
    let reason: AuthenticationFailure
    /// The `Authorization` header, or nil for none, built from the fixture.
    let header: @Sendable (Fixture) -> String?

    var testDescription: String { name }

    /// A well-formed staging secret that no key has.
    static let strangerSecret = APIKeySecret.generate(environment: .staging, random: .seeded(9_999)).value
    static let liveSecret = APIKeySecret.generate(environment: .production, random: .seeded(8_888)).value
    static let unknownKeyId = "0b6f0c52-3a43-4b7e-9a51-1d0e7c1f2a3b"

    static let all: [BadCredentials] = [
        BadCredentials(name: "missing header", reason: .missingHeader) { _ in nil },
        BadCredentials(name: "Bearer scheme", reason: .wrongScheme) { fixture in "Bearer \(fixture.key("all").secret)" },
        BadCredentials(name: "bad base64", reason: .badBase64) { _ in "Basic !!not*base64!!" },
        BadCredentials(name: "no colon", reason: .noColon) { fixture in
            "Basic " + Data(fixture.key("all").id.utf8).base64EncodedString()
        },
        BadCredentials(name: "unknown key id", reason: .unknownKey) { _ in APITestHarness.basic(unknownKeyId, strangerSecret) },
        BadCredentials(name: "malformed key id", reason: .malformedKeyId) { fixture in
            APITestHarness.basic("not-a-uuid", fixture.key("all").secret)
        },
        BadCredentials(name: "wrong secret", reason: .wrongSecret) { fixture in
            APITestHarness.basic(fixture.key("all").id, strangerSecret)
        },
        BadCredentials(name: "disabled key", reason: .disabledKey) { fixture in fixture.key("disabled").authorization },
        BadCredentials(name: "expired key", reason: .expiredKey) { fixture in fixture.key("expired").authorization },
        BadCredentials(name: "deleted key", reason: .deletedKey) { fixture in fixture.key("deleted").authorization },
        BadCredentials(name: "other environment", reason: .otherEnvironment) { fixture in
            APITestHarness.basic(fixture.key("all").id, liveSecret)
        },
    ]
}

@Suite struct AuthenticationTests {
    static let challenge = #"Basic realm="JobTicket B2B API", charset="UTF-8""#

    @Test func everyRefusalLooksTheSameAndTheAuditLogSaysWhy() async throws {
        let harness = try APITestHarness(seed: 301)
        var reference: JSONValue?
        for (index, credentials) in BadCredentials.all.enumerated() {
            let response = await harness.request("GET", "/employees", authorization: credentials.header(harness.fixture),
                                                 remoteAddress: "10.1.0.\(index + 1)")
            #expect(response.status == 401, "\(credentials.name)")
            #expect(response.headers["WWW-Authenticate"] == Self.challenge, "\(credentials.name)")
            #expect(response.headers.values("WWW-Authenticate").count == 1)
            #expect(response.headers["Content-Type"] == "application/problem+json", "\(credentials.name)")
            #expect(response.headers["RateLimit"] == nil && response.headers["RateLimit-Policy"] == nil, "\(credentials.name)")
            let problem = try response.json()
            #expect(problem["type"] == .string("\(APITestHarness.publicURL)/problems/unauthorized"))
            #expect(problem["status"] == .int(401))
            #expect(problem["instance"] == .string("/employees"))
            #expect(problem["requestId"] == .string(response.headers["X-Request-Id"] ?? "?"))
            // Nothing in the response names the reason.
            #expect(!response.text.contains(credentials.reason.rawValue), "\(credentials.name)")
            if credentials.reason == .otherEnvironment {
                let detail = problem["detail"]?.stringValue ?? ""
                #expect(detail.contains("production"), "names the environment the key belongs to: \(detail)")
                #expect(detail.contains("staging"))
                #expect(!detail.contains(harness.fixture.key("all").id), "does not confirm the key")
                if let reference {
                    #expect(problem.problemShape.removing(["detail"]) == reference.removing(["detail"]))
                }
            } else if let reference {
                #expect(problem.problemShape == reference, "\(credentials.name)")
            } else {
                reference = problem.problemShape
            }

            let event = try #require(try await harness.auditEvents(limit: 1).first)
            #expect(event.action == "authentication.failed")
            #expect(event.actor == "anonymous")
            #expect(event.companyId == nil)
            let details = try JSONParser.parse(Array(event.details.utf8))
            #expect(details["reason"] == .string(credentials.reason.rawValue), "\(credentials.name)")
            #expect(details["remote"] == .string("10.1.0.\(index + 1)"))
            #expect(!event.details.contains(harness.fixture.key("all").secret))
        }
    }

    @Test(arguments: ["Basic", "basic", "BASIC"])
    func theSchemeIsCaseInsensitive(scheme: String) async throws {
        let harness = try APITestHarness(seed: 302)
        let key = harness.fixture.key("all")
        let header = scheme + " " + Data("\(key.id):\(key.secret)".utf8).base64EncodedString()
        #expect(await harness.request("GET", "/employees", authorization: header).status == 200)
    }

    @Test func aMalformedSecretForAnExistingKeyIsRefusedBeforeTheLookup() async throws {
        let harness = try APITestHarness(seed: 303)
        let key = harness.fixture.key("all")
        // One character of the random part changed: the checksum no longer matches, so the
        // secret is refused offline (`malformed-secret`), not compared with the stored hash
        // (`wrong-secret`), and the key's quota and headers are untouched.
        var characters = Array(key.secret)
        characters[12] = characters[12] == "a" ? "b" : "a"
        let typo = String(characters)
        let short = String(key.secret.dropLast())
        let wrongPrefix = "jt_xxxx_" + key.secret.dropFirst(8)
        for secret in [typo, short, wrongPrefix, "", "jt_test_"] {
            let response = await harness.request("GET", "/employees", authorization: APITestHarness.basic(key.id, secret))
            #expect(response.status == 401)
            #expect(response.headers["WWW-Authenticate"] == Self.challenge)
            #expect(response.headers["RateLimit"] == nil)
            #expect(response.headers["RateLimit-Policy"] == nil)
            let details = try JSONParser.parse(Array(try #require(try await harness.auditEvents(limit: 1).first).details.utf8))
            #expect(details["reason"] == .string("malformed-secret"), "\(secret.count) characters")
        }
        let good = await harness.get("/employees", as: key)
        #expect(good.status == 200)
        #expect(good.rateLimit?.remaining == 99)
    }

    @Test func aKeyStopsWorkingWhenItExpires() async throws {
        let harness = try APITestHarness(seed: 304)
        let fixture = harness.fixture
        let expiresAt = APITestHarness.now.adding(seconds: 120)
        let header = try harness.issueKey("short-lived", company: fixture.companyA, expiresAt: expiresAt).authorization
        #expect(await harness.request("GET", "/employees", authorization: header).status == 200)
        harness.accessClock.advance(119)
        #expect(await harness.request("GET", "/employees", authorization: header).status == 200)
        harness.accessClock.advance(1)
        let expired = await harness.request("GET", "/employees", authorization: header)
        #expect(expired.status == 401)
        let details = try JSONParser.parse(Array(try #require(try await harness.auditEvents(limit: 1).first).details.utf8))
        #expect(details["reason"] == .string("expired-key"))
    }

    @Test func healthNeedsNoCredentials() async throws {
        let harness = try APITestHarness(seed: 305)
        let response = await harness.request("GET", "/health")
        #expect(response.status == 200)
        #expect(response.headers["WWW-Authenticate"] == nil)
    }

    @Test func failedAuthenticationsDoNotConsumeTheKeysQuota() async throws {
        let harness = try APITestHarness(seed: 306)
        let key = harness.fixture.key("all")
        for _ in 0..<25 {
            let response = await harness.request("GET", "/employees", authorization: APITestHarness.basic(key.id, BadCredentials.strangerSecret),
                                                 remoteAddress: "192.0.2.7")
            #expect(response.status == 401)
        }
        let good = await harness.get("/employees", as: key)
        #expect(good.status == 200)
        #expect(good.rateLimit?.remaining == 99)
    }

    @Test func thirtyOneFailuresFromOneAddressBlockItForFiveMinutes() async throws {
        let harness = try APITestHarness(seed: 307)
        let key = harness.fixture.key("all")
        let attacker = "203.0.113.9"
        let wrong = APITestHarness.basic(key.id, BadCredentials.strangerSecret)
        for attempt in 1...30 {
            let response = await harness.request("GET", "/employees", authorization: wrong, remoteAddress: attacker)
            #expect(response.status == 401, "attempt \(attempt)")
            harness.accessClock.advance(1)
        }
        let blocked = await harness.request("GET", "/employees", authorization: wrong, remoteAddress: attacker)
        #expect(blocked.status == 429)
        #expect(blocked.headers["Retry-After"] == "300")
        #expect(try blocked.json()["type"] == .string("\(APITestHarness.publicURL)/problems/rate-limited"))

        // Even valid credentials are refused from that address during the block…
        harness.accessClock.advance(100)
        let valid = await harness.get("/employees", as: key, remoteAddress: attacker)
        #expect(valid.status == 429)
        #expect(valid.headers["Retry-After"] == "200")
        // …while another address works with the same key, whose quota was never touched.
        let elsewhere = await harness.get("/employees", as: key, remoteAddress: "198.51.100.4")
        #expect(elsewhere.status == 200)
        #expect(elsewhere.rateLimit?.remaining == 99)

        harness.accessClock.advance(201)
        let after = await harness.get("/employees", as: key, remoteAddress: attacker)
        #expect(after.status == 200)
    }
}
