import Foundation
import HTTPServer
import JobTicketAPI
@testable import JobTicketApp
import JobTicketCore
import JobTicketStore
import Synchronization
import Testing

/// The access clock of the application under test: starts at the deployment's "now" and moves
/// only when a test advances it, so rate-limit windows and blocks are exact.
final class TestAccessClock: Sendable {
    private let seconds: Mutex<Double>

    init(start: Timestamp) {
        seconds = Mutex(Double(start.secondsSinceEpoch))
    }

    var now: Double { seconds.withLock { $0 } }

    func advance(_ delta: Double) {
        seconds.withLock { $0 += delta }
    }

    var clock: Clock {
        Clock { [self] in now }
    }
}

/// An API key of the fixture with the secret a client would send.
struct SeededKey: Sendable {
    let id: String
    let secret: String
    let companyId: Int64
    let permissions: Set<Permission>

    var authorization: String { APITestHarness.basic(id, secret) }
}

/// Everything the harness seeded, by name. Company A is the caller in most tests, company B the
/// other tenant, company C has API access disabled.
struct Fixture: Sendable {
    var companyA: Int64 = 0
    var companyB: Int64 = 0
    var companyC: Int64 = 0
    var employees: [String: Employee] = [:]
    var documents: [String: EmployeeDocument] = [:]
    var documentBytes: [String: [UInt8]] = [:]
    var integrations: [String: HRIntegration] = [:]
    var keys: [String: SeededKey] = [:]

    func employee(_ name: String) -> Employee {
        guard let employee = employees[name] else { fatalError("no seeded employee \(name)") }
        return employee
    }

    func document(_ name: String) -> EmployeeDocument {
        guard let document = documents[name] else { fatalError("no seeded document \(name)") }
        return document
    }

    func integration(_ name: String) -> HRIntegration {
        guard let integration = integrations[name] else { fatalError("no seeded integration \(name)") }
        return integration
    }

    func key(_ name: String) -> SeededKey {
        guard let key = keys[name] else { fatalError("no seeded key \(name)") }
        return key
    }

    /// Company A's employees, in id order.
    var employeesOfA: [Employee] {
        employees.values.filter { $0.companyId == companyA }.sorted { $0.id < $1.id }
    }

    var documentsOfA: [EmployeeDocument] {
        documents.values.filter { $0.companyId == companyA }.sorted { $0.id < $1.id }
    }

    var integrationsOfA: [HRIntegration] {
        integrations.values.filter { $0.companyId == companyA }.sorted { $0.id < $1.id }
    }
}

/// A response as the tests look at it.
struct TestResponse: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> JSONValue {
        try JSONParser.parse(body)
    }

    /// `r` and `t` of the `RateLimit` header (`"per-key";r=99;t=60`).
    var rateLimit: (remaining: Int, reset: Int)? {
        guard let header = headers["RateLimit"] else { return nil }
        var remaining: Int?
        var reset: Int?
        for part in header.split(separator: ";") {
            if part.hasPrefix("r=") { remaining = Int(part.dropFirst(2)) }
            if part.hasPrefix("t=") { reset = Int(part.dropFirst(2)) }
        }
        guard let remaining, let reset else { return nil }
        return (remaining, reset)
    }
}

/// The whole application in process: a migrated SQLite deployment in a temp directory, seeded
/// with three companies, and `respond(to:)` without a socket.
final class APITestHarness: Sendable {
    static let publicURL = "https://api.example.test"
    static let now = Timestamp(iso8601: "2024-05-14T06:00:00Z")!

    let directory: URL
    let deployment: Deployment
    let accessClock: TestAccessClock
    let application: Application
    let fixture: Fixture

    /// - Parameter settings: extra `JOBTICKET_*` variables (e.g. a rate limit).
    init(seed: UInt64 = 1, settings: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jobticket-api-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var environment = [
            "JOBTICKET_DATABASE": "sqlite:\(directory.path)/db.sqlite",
            "JOBTICKET_PUBLIC_URL": Self.publicURL,
            "JOBTICKET_NOW": Self.now.description,
            // The access clock stands still in these tests: every lookup must see the store's state.
            "JOBTICKET_KEY_CACHE_SECONDS": "0",
        ]
        environment.merge(settings) { _, new in new }
        let configuration = try ServerConfiguration(SettingsSource(environment: environment))
        let deployment = try Deployment.open(configuration, random: .seeded(seed))
        self.deployment = deployment
        fixture = try deployment.store.writeNow { transaction in
            try Self.seed(transaction, deployment: deployment)
        }
        accessClock = TestAccessClock(start: Self.now)
        application = ApplicationBuilder(deployment: deployment, logger: .silent, accessClock: accessClock.clock).build()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Requests

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// Sends `target` (a path with an optional `?query`, percent-encoded) as `key`.
    func request(_ method: String = "GET", _ target: String, as key: SeededKey? = nil, authorization: String? = nil,
                 headers: [(String, String)] = [], body: [UInt8] = [], remoteAddress: String = "127.0.0.1") async -> TestResponse {
        var fields = headers
        if let header = authorization ?? key?.authorization { fields.append(("Authorization", header)) }
        let (path, query) = Self.split(target)
        let request = HTTPRequest(method: method, path: path, query: query, headers: HTTPHeaders(fields), body: body,
                                  remoteAddress: remoteAddress)
        let response = await application.respond(to: request)
        return TestResponse(status: response.status, headers: response.headers, body: response.body)
    }

    func get(_ target: String, as key: SeededKey, headers: [(String, String)] = [],
             remoteAddress: String = "127.0.0.1") async -> TestResponse {
        await request("GET", target, as: key, headers: headers, remoteAddress: remoteAddress)
    }

    /// A new key issued by the app's own `KeyIssuer` (internal to JobTicketApp).
    func issueKey(_ name: String, company: Int64, permissions: Set<Permission> = Set(Permission.allCases), rateLimit: Int? = nil,
                  expiresAt: Timestamp? = nil) throws -> SeededKey {
        let deployment = deployment
        let (key, secret) = try deployment.store.writeNow { transaction in
            try KeyIssuer(deployment: deployment).create(in: transaction, companyId: company, name: name, permissions: permissions,
                                                         rateLimit: rateLimit, expiresAt: expiresAt)
        }
        return SeededKey(id: key.idString, secret: secret.value, companyId: company, permissions: permissions)
    }

    /// Audit events, newest first.
    func auditEvents(limit: Int = 100) async throws -> [AuditEvent] {
        try await deployment.store.read { try $0.auditEvents(limit: limit) }
    }

    private static func split(_ target: String) -> (String, [(name: String, value: String?)]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, []) }
        let path = String(target[..<mark])
        let query = target[target.index(after: mark)...].split(separator: "&").map { pair -> (name: String, value: String?) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            return (name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : nil)
        }
        return (path, query)
    }

    // MARK: Seed

    static func date(_ text: String) -> CalendarDate {
        guard let value = CalendarDate(text) else { fatalError("bad test date \(text)") }
        return value
    }

    static func time(_ text: String) -> Timestamp {
        guard let value = Timestamp(iso8601: text) else { fatalError("bad test timestamp \(text)") }
        return value
    }

    static func employee(companyId: Int64, first: String, last: String, email: String, dateOfBirth: String?, plan: PlanType,
                         contribution: Int? = 2900, contract: ContractSigningStatus = .accepted, subscription: Subscription) -> Employee {
        Employee(id: 0, companyId: companyId, firstName: first, lastName: last, email: email, dateOfBirth: dateOfBirth.map(date),
                 profileImage: nil, startDate: subscription.startAt, terminationDate: subscription.cancelledAt, absences: [],
                 subscription: subscription,
                 plan: Plan(type: plan, contractSigningStatus: contract, employeeContribution: contribution.map(Money.init(cents:))),
                 createdAt: now, updatedAt: now)
    }

    /// A tiny but real-looking PDF body, distinct per document.
    static func pdf(_ title: String) -> [UInt8] {
        Array("%PDF-1.4\n% \(title)\n%%EOF\n".utf8)
    }

    private static func seed(_ tx: StoreTransaction, deployment: Deployment) throws -> Fixture {
        var fixture = Fixture()
        let issuer = KeyIssuer(deployment: deployment)
        func addKey(_ name: String, company: Int64, _ permissions: Set<Permission>, rateLimit: Int? = nil,
                    expiresAt: Timestamp? = nil) throws {
            let (key, secret) = try issuer.create(in: tx, companyId: company, name: name, permissions: permissions,
                                                  rateLimit: rateLimit, expiresAt: expiresAt)
            fixture.keys[name] = SeededKey(id: key.idString, secret: secret.value, companyId: company, permissions: permissions)
        }
        func addEmployee(_ name: String, _ employee: Employee) throws {
            fixture.employees[name] = try tx.insertEmployee(employee)
        }
        func addDocument(_ name: String, employee: String, title: String, downloadable: Bool, at: String) throws {
            let owner = fixture.employee(employee)
            let bytes = pdf(title)
            fixture.documents[name] = try tx.insertDocument(employeeId: owner.id, companyId: owner.companyId, name: title, fileType: "pdf",
                                                            downloadable: downloadable, bytes: bytes, at: time(at))
            fixture.documentBytes[name] = bytes
        }

        // Company A: six employees, one per subscription status on 2024-05-14.
        let a = try tx.insertCompany(name: "Alpha GmbH", apiAccessEnabled: true, defaultPlanType: .splitPay,
                                     defaultContribution: Money(cents: 2900), at: now).id
        fixture.companyA = a
        try addEmployee("active", employee(companyId: a, first: "Anna", last: "Müller", email: "anna.mueller@alpha.example",
                                           dateOfBirth: "1990-04-15", plan: .splitPay,
                                           subscription: Subscription(startAt: date("2024-01-01"))))
        try addEmployee("scheduledPause", employee(companyId: a, first: "Ben", last: "Schmidt", email: "Ben.Schmidt@Alpha.example",
                                                   dateOfBirth: "1985-02-01", plan: .fullySubsidized, contribution: nil,
                                                   subscription: Subscription(startAt: date("2024-02-01"), pausedAt: date("2024-07-01"),
                                                                              reactivatedAt: date("2024-08-01"))))
        try addEmployee("paused", employee(companyId: a, first: "Clara", last: "Schmidt", email: "clara.schmidt@alpha.example",
                                           dateOfBirth: "1985-02-01", plan: .splitPay, contribution: 1550,
                                           subscription: Subscription(startAt: date("2023-10-01"), pausedAt: date("2024-05-01"),
                                                                      reactivatedAt: date("2024-07-01"))))
        try addEmployee("scheduledCancellation", employee(companyId: a, first: "Anna", last: "Becker", email: "anna.becker@alpha.example",
                                                          dateOfBirth: nil, plan: .splitPay,
                                                          subscription: Subscription(startAt: date("2024-01-01"),
                                                                                     cancelledAt: date("2024-05-31"))))
        try addEmployee("cancelled", employee(companyId: a, first: "David", last: "Zimmermann", email: "david.z@alpha.example",
                                              dateOfBirth: "1970-12-31", plan: .fullySubsidized, contribution: nil,
                                              subscription: Subscription(startAt: date("2023-01-01"), cancelledAt: date("2024-04-30"))))
        try addEmployee("pending", employee(companyId: a, first: "Eva", last: "Klein", email: "eva.klein@alpha.example",
                                           dateOfBirth: "2000-06-15", plan: .splitPay, contract: .pending,
                                           subscription: Subscription(startAt: date("2024-06-01"))))

        // Company A's integrations: never synced, synced (with a run), disabled.
        let a1 = try tx.insertHRIntegration(companyId: a, name: HRIntegration.defaultName, at: time("2024-05-01T09:00:00Z"))
        fixture.integrations["a1"] = a1
        let a2 = try tx.insertHRIntegration(companyId: a, name: "Personio Sync", at: time("2024-04-01T09:00:00Z"))
        try tx.setHRIntegrationStatus(id: a2.id, companyId: a, status: .active, at: time("2024-05-14T06:00:03Z"))
        fixture.integrations["a2"] = try tx.hrIntegration(id: a2.id, companyId: a)
        let a3 = try tx.insertHRIntegration(companyId: a, name: "Archived HR", at: time("2024-05-01T09:00:00Z"))
        try tx.setHRIntegrationStatus(id: a3.id, companyId: a, status: .disabled, at: time("2024-05-02T09:00:00Z"))
        fixture.integrations["a3"] = try tx.hrIntegration(id: a3.id, companyId: a)
        try tx.insertSyncRun(SyncRun(integrationId: a2.id, syncId: "sync-2024-05-14-001", status: .applied,
                                     startedAt: time("2024-05-14T06:00:00Z"), finishedAt: time("2024-05-14T06:00:03Z"),
                                     added: 1, updated: 0, offboarded: 0, unchanged: 0, skipped: 0,
                                     payloadSHA256: String(repeating: "0", count: 64), keyId: nil))

        // Links: a1 has three current links and one offboarded; a2 one link without sync data.
        let linked = time("2024-05-10T08:00:00Z")
        try tx.upsertLink(EmployeeLink(employeeId: fixture.employee("active").id, integrationId: a1.id, hrId: "emp_HR_001",
                                       lastSyncId: "sync_abc123", lastSynced: linked))
        try tx.upsertLink(EmployeeLink(employeeId: fixture.employee("active").id, integrationId: a2.id, hrId: "personio-17",
                                       lastSyncId: nil, lastSynced: nil))
        try tx.upsertLink(EmployeeLink(employeeId: fixture.employee("scheduledPause").id, integrationId: a1.id, hrId: "emp_HR_002",
                                       lastSyncId: "sync_abc123", lastSynced: linked))
        try tx.upsertLink(EmployeeLink(employeeId: fixture.employee("paused").id, integrationId: a1.id, hrId: "emp_HR_003",
                                       lastSyncId: "sync_abc123", lastSynced: linked))
        try tx.upsertLink(EmployeeLink(employeeId: fixture.employee("cancelled").id, integrationId: a1.id, hrId: "emp_HR_005",
                                       lastSyncId: "sync_abc123", lastSynced: linked, offboardedAt: time("2024-05-01T00:00:00Z")))

        // Company A's documents (two share a createdAt to exercise the id tie-break).
        try addDocument("invoice", employee: "active", title: "May 2024 Transit Invoice", downloadable: true, at: "2024-05-01T09:00:00Z")
        try addDocument("unicode", employee: "active", title: "Rechnung Mai – Müller", downloadable: true, at: "2024-05-02T09:00:00Z")
        try addDocument("contract", employee: "scheduledPause", title: "Signed Job Ticket Contract", downloadable: false,
                        at: "2024-05-01T09:00:00Z")
        try addDocument("april", employee: "paused", title: "April 2024 Transit Invoice", downloadable: true, at: "2024-04-01T09:00:00Z")

        // Company A's keys: each permission alone, none relevant to reads, none at all, all five.
        for permission in Permission.allCases { try addKey(permission.rawValue, company: a, [permission]) }
        try addKey("noneRelevant", company: a, [.addEmployees, .updateEmployees, .removeEmployees])
        try addKey("empty", company: a, [])
        try addKey("all", company: a, Set(Permission.allCases))
        try addKey("second", company: a, Set(Permission.allCases))
        try addKey("limited5", company: a, Set(Permission.allCases), rateLimit: 5)
        try addKey("expired", company: a, Set(Permission.allCases), expiresAt: time("2024-05-14T05:00:00Z"))
        try addKey("disabled", company: a, Set(Permission.allCases))
        try tx.setAPIKeyStatus(id: UUID(uuidString: fixture.key("disabled").id)!, status: .disabled)
        try addKey("deleted", company: a, Set(Permission.allCases))
        try tx.setAPIKeyStatus(id: UUID(uuidString: fixture.key("deleted").id)!, status: .deleted)

        // Company B: the other tenant, with an employee whose e-mail equals one of A's.
        let b = try tx.insertCompany(name: "Beta AG", apiAccessEnabled: true, defaultPlanType: .splitPay,
                                     defaultContribution: Money(cents: 2900), at: now).id
        fixture.companyB = b
        try addEmployee("other", employee(companyId: b, first: "Anna", last: "Müller", email: "anna.mueller@alpha.example",
                                          dateOfBirth: "1990-04-15", plan: .splitPay,
                                          subscription: Subscription(startAt: date("2024-01-01"))))
        try addEmployee("otherPaused", employee(companyId: b, first: "Olaf", last: "Other", email: "olaf@beta.example",
                                                dateOfBirth: "1980-01-01", plan: .fullySubsidized, contribution: nil,
                                                subscription: Subscription(startAt: date("2023-10-01"), pausedAt: date("2024-05-01"))))
        let b1 = try tx.insertHRIntegration(companyId: b, name: HRIntegration.defaultName, at: time("2024-05-01T09:00:00Z"))
        fixture.integrations["b1"] = b1
        try tx.upsertLink(EmployeeLink(employeeId: fixture.employee("other").id, integrationId: b1.id, hrId: "emp_HR_001",
                                       lastSyncId: "sync_abc123", lastSynced: linked))
        try addDocument("otherInvoice", employee: "other", title: "May 2024 Transit Invoice", downloadable: true,
                        at: "2024-05-01T09:00:00Z")
        try addDocument("otherContract", employee: "other", title: "Signed Job Ticket Contract", downloadable: false,
                        at: "2024-05-01T09:00:00Z")
        try addKey("b", company: b, Set(Permission.allCases))

        // Company C: API access disabled (the default for a new company).
        let c = try tx.insertCompany(name: "Gamma KG", apiAccessEnabled: false, defaultPlanType: .splitPay,
                                     defaultContribution: nil, at: now).id
        fixture.companyC = c
        try addKey("c", company: c, Set(Permission.allCases))
        return fixture
    }
}

// MARK: - JSON helpers

extension JSONValue {
    /// The keys of an object as a set (empty for a non-object).
    var keySet: Set<String> { Set(objectKeys ?? []) }

    /// An object without the given members.
    func removing(_ keys: Set<String>) -> JSONValue {
        guard case .object(let pairs) = self else { return self }
        return .object(pairs.filter { !keys.contains($0.0) })
    }

    /// A problem without the members that differ per request.
    var problemShape: JSONValue { removing(["requestId", "instance"]) }

    /// The items of a list envelope's inner `data`.
    var listItems: [JSONValue] { self["data"]?["data"]?.arrayValue ?? [] }

    /// The `id`s of a list envelope's items.
    var listIds: [Int] { listItems.compactMap { $0["id"]?.intValue } }
}
