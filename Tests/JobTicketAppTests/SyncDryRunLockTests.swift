import Foundation
import HTTPServer
@testable import JobTicketAPI
import JobTicketCore
import Synchronization
import Testing

/// Spec §8.4/§8.6: one sync per integration at a time, but a dry run writes nothing and so takes
/// no part in that lock — it never makes a real sync get 409 `sync-in-progress`.
@Suite struct SyncDryRunLockTests {
    static let json = [("Content-Type", "application/json")]

    /// A roster of `count` new employees (no one of the fixture is in it).
    static func roster(_ syncId: String, count: Int) -> [UInt8] {
        let entries = (0..<count).map { index in
            #"{"firstName":"Dry","lastName":"Run \#(index)","email":"\#(syncId)-\#(index)@roster.example","#
                + #""hrId":"\#(syncId)-\#(index)","startDate":"2024-05-01"}"#
        }
        return Array(#"{"syncId":"\#(syncId)","employees":[\#(entries.joined(separator: ","))]}"#.utf8)
    }

    @Test func realSyncsRunningDuringADryRunNeverGet409() async throws {
        let harness = try APITestHarness(seed: 301, settings: ["JOBTICKET_RATE_LIMIT": "1000000"])
        let key = harness.fixture.key("all")
        let id = harness.fixture.integration("a1").id
        let dryRunFinished = Mutex(false)
        let large = Self.roster("dry-run-large", count: 20_000)
        let dryRun = Task {
            let response = await harness.request("POST", "/hr-integrations/\(id)/sync?dryRun=true&confirmMassOffboarding=true",
                                                 as: key, headers: Self.json, body: large)
            dryRunFinished.withLock { $0 = true }
            return response
        }
        // Real syncs, one after the other, for as long as the dry run runs.
        var statuses: [Int] = []
        var completedDuringDryRun = 0
        repeat {
            let response = await harness.request("POST", "/hr-integrations/\(id)/sync?confirmMassOffboarding=true", as: key,
                                                 headers: Self.json, body: Self.roster("real-\(statuses.count)", count: 1))
            statuses.append(response.status)
            if !dryRunFinished.withLock({ $0 }) { completedDuringDryRun += 1 }
        } while !dryRunFinished.withLock({ $0 })

        let dryRunResponse = await dryRun.value
        #expect(dryRunResponse.status == 200)
        #expect(try dryRunResponse.json()["data"]?["added"] == .int(20_000))
        #expect(statuses.allSatisfy { $0 == 204 }, "real syncs answered \(statuses)")
        // The real syncs did overlap the dry run (else this test would prove nothing).
        #expect(completedDuringDryRun >= 2)
    }

    /// The same property without timing: while the integration's lock is held (a real sync
    /// running), a dry run still answers 200, a real sync gets 409, and a dry run leaves the lock free.
    @Test func aDryRunNeitherNeedsNorTakesTheLock() async throws {
        let harness = try APITestHarness(seed: 302)
        let fixture = harness.fixture
        let integrationId = fixture.integration("a1").id
        // Handlers of our own, so the test holds the very lock table they use.
        let services = APIServices(store: harness.deployment.store, clock: harness.deployment.clock,
                                   publicURL: APITestHarness.publicURL)
        let handlers = SyncHandlers(services: services)
        let context = RequestContext(requestId: "test", routeTemplate: "/hr-integrations/{id}/sync",
                                     requirement: .permissions(Permission.sync), parameters: ["id": "\(integrationId)"],
                                     principal: Principal(keyId: UUID(), companyId: fixture.companyA, permissions: Permission.sync))
        func sync(dryRun: Bool) -> HTTPRequest {
            HTTPRequest(method: "POST", path: "/hr-integrations/\(integrationId)/sync",
                        query: [("confirmMassOffboarding", "true")] + (dryRun ? [("dryRun", "true")] : []),
                        headers: HTTPHeaders(Self.json), body: Self.roster("locked", count: 3))
        }

        #expect(services.syncLocks.acquire(integrationId))
        let planned = try await handlers.sync(sync(dryRun: true), context)
        #expect(planned.status == 200)
        let refused = await #expect(throws: APIError.self) { _ = try await handlers.sync(sync(dryRun: false), context) }
        #expect(refused?.type == .syncInProgress)
        services.syncLocks.release(integrationId)

        _ = try await handlers.sync(sync(dryRun: true), context)
        #expect(services.syncLocks.acquire(integrationId), "a dry run left the lock taken")
        services.syncLocks.release(integrationId)
        #expect(try await handlers.sync(sync(dryRun: false), context).status == 204)
    }
}
