import HTTPServer
import JobTicketCore
import Testing

/// Spec §4: 100 requests per sliding minute per key, then a 5-minute block that does not extend.
@Suite struct RateLimitTests {
    @Test func aHundredRequestsAMinuteThenAFiveMinuteBlock() async throws {
        let harness = try APITestHarness(seed: 401)
        let key = harness.fixture.key("all")
        let second = harness.fixture.key("second")
        let clock = harness.accessClock

        // 100 requests spread over 24.75 s: remaining counts down, the reset follows the oldest.
        for index in 0..<100 {
            let response = await harness.get("/employees", as: key)
            #expect(response.status == 200, "request \(index + 1)")
            #expect(response.headers["RateLimit-Policy"] == "\"per-key\";q=100;w=60")
            let elapsed = Double(index) * 0.25
            let expectedReset = Int((60 - elapsed).rounded(.up))
            #expect(response.headers["RateLimit"] == "\"per-key\";r=\(99 - index);t=\(expectedReset)", "request \(index + 1)")
            if index % 10 == 0 {
                #expect(await harness.get("/hr-integrations", as: second).status == 200, "the second key is unaffected")
            }
            if index < 99 { clock.advance(0.25) }
        }

        // The 101st is refused and starts the block.
        let refused = await harness.get("/employees", as: key)
        #expect(refused.status == 429)
        #expect(refused.headers["Retry-After"] == "300")
        #expect(refused.headers["Content-Type"] == "application/problem+json")
        let problem = try refused.json()
        #expect(problem["type"] == .string("\(APITestHarness.publicURL)/problems/rate-limited"))
        #expect(problem["status"] == .int(429))
        #expect(problem["title"] == .string("Too many requests"))

        // During the block every request is refused with a decreasing Retry-After, even after the
        // sliding window alone would have freed slots; refusals do not extend the block.
        var previous = 300
        for step in [10.0, 50.0, 60.0, 100.0, 79.5] {
            clock.advance(step)
            let response = await harness.get("/employees", as: key)
            #expect(response.status == 429)
            let retryAfter = try #require(Int(response.headers["Retry-After"] ?? ""))
            #expect(retryAfter < previous)
            previous = retryAfter
            #expect(await harness.get("/employees", as: second).status == 200, "the second key is unaffected")
        }
        // 299.5 s into the block: one second (rounded up) is left.
        #expect(previous == 1)

        clock.advance(1.5)
        let again = await harness.get("/employees", as: key)
        #expect(again.status == 200)
        #expect(again.rateLimit?.remaining == 99)
        #expect(again.rateLimit?.reset == 60)
        #expect(await harness.get("/employees", as: second).status == 200)
    }

    @Test func theWindowSlides() async throws {
        let harness = try APITestHarness(seed: 402)
        let key = harness.fixture.key("all")
        for _ in 0..<50 { #expect(await harness.get("/employees", as: key).status == 200) }
        harness.accessClock.advance(30)
        for _ in 0..<50 { #expect(await harness.get("/employees", as: key).status == 200) }
        // 30 s later the first fifty have left the window (they are exactly 60 s old).
        harness.accessClock.advance(30)
        let response = await harness.get("/employees", as: key)
        #expect(response.status == 200)
        #expect(response.rateLimit?.remaining == 49)
        #expect(response.rateLimit?.reset == 30)
    }

    @Test func aKeyWithItsOwnLimitIsLimitedAfterIt() async throws {
        let harness = try APITestHarness(seed: 403)
        let key = harness.fixture.key("limited5")
        for index in 0..<5 {
            let response = await harness.get("/employees", as: key)
            #expect(response.status == 200)
            #expect(response.headers["RateLimit-Policy"] == "\"per-key\";q=5;w=60")
            #expect(response.rateLimit?.remaining == 4 - index)
        }
        let refused = await harness.get("/employees", as: key)
        #expect(refused.status == 429)
        #expect(refused.headers["Retry-After"] == "300")
        #expect(await harness.get("/employees", as: harness.fixture.key("all")).status == 200)
    }

    @Test func refusedRequestsOfAnyKindCountAgainstTheKey() async throws {
        // 403 and 404 answers are authenticated requests: they carry the headers and use quota.
        let harness = try APITestHarness(seed: 404)
        let key = harness.fixture.key("view-employees")
        let forbidden = await harness.get("/hr-integrations", as: key)
        #expect(forbidden.status == 403)
        #expect(forbidden.rateLimit?.remaining == 99)
        let missing = await harness.get("/employees/999999", as: key)
        #expect(missing.status == 404)
        #expect(missing.rateLimit?.remaining == 98)
        #expect(missing.headers["RateLimit-Policy"] == "\"per-key\";q=100;w=60")
    }

    @Test func theOperatorsDefaultLimitAndBlockApply() async throws {
        let harness = try APITestHarness(seed: 405, settings: ["JOBTICKET_RATE_LIMIT": "3", "JOBTICKET_RATE_LIMIT_BLOCK_SECONDS": "20"])
        let key = harness.fixture.key("all")
        for _ in 0..<3 {
            let response = await harness.get("/employees", as: key)
            #expect(response.status == 200)
            #expect(response.headers["RateLimit-Policy"] == "\"per-key\";q=3;w=60")
        }
        let refused = await harness.get("/employees", as: key)
        #expect(refused.status == 429)
        #expect(refused.headers["Retry-After"] == "20")
        // The key's own limit wins over the default.
        #expect(await harness.get("/employees", as: harness.fixture.key("limited5")).headers["RateLimit-Policy"] == "\"per-key\";q=5;w=60")
        harness.accessClock.advance(61)
        #expect(await harness.get("/employees", as: key).status == 200)
    }

    @Test func aRateLimitedResponseStillCarriesTheRateLimitHeaders() async throws {
        // Spec §4: "Every authenticated response carries" RateLimit-Policy and RateLimit. A key
        // that is over its limit has authenticated successfully, so its 429 should carry them too
        // (r=0 and t = the seconds until it may send again), as the IETF draft recommends.
        let harness = try APITestHarness(seed: 406)
        let key = harness.fixture.key("limited5")
        for _ in 0..<5 { #expect(await harness.get("/employees", as: key).status == 200) }
        let refused = await harness.get("/employees", as: key)
        #expect(refused.status == 429)
        #expect(refused.headers["Retry-After"] == "300")
        #expect(refused.headers["RateLimit-Policy"] == "\"per-key\";q=5;w=60")
        #expect(refused.headers["RateLimit"] == "\"per-key\";r=0;t=300")
        // During the block the reset follows Retry-After.
        harness.accessClock.advance(100)
        let during = await harness.get("/employees", as: key)
        #expect(during.headers["Retry-After"] == "200")
        #expect(during.headers["RateLimit"] == "\"per-key\";r=0;t=200")
    }
}
