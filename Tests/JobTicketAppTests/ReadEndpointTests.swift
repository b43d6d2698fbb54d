import Foundation
import HTTPServer
import JobTicketCore
import Testing

/// The read endpoints' bodies, envelopes, pagination, sorting, filters and the download, as
/// spec §§5–7 describe them, on 2024-05-14 (the deployment's fixed "now").
@Suite struct ReadEndpointTests {
    static let harness = Result { try APITestHarness(seed: 501, settings: ["JOBTICKET_RATE_LIMIT": "1000000"]) }
    static let base = APITestHarness.publicURL

    static let employeeKeys: Set<String> = ["id", "firstName", "lastName", "email", "dateOfBirth", "profileImage", "resource",
                                            "subscription", "plan", "ticket", "hrIntergartionLinks", "_links"]
    static let subscriptionKeys: Set<String> = ["status", "startAt", "nextTicketAt", "pausedAt", "cancelledAt", "reactivatedAt"]
    static let planKeys: Set<String> = ["type", "contractSigningStatus", "employeeContributionAmount"]
    static let ticketKeys: Set<String> = ["ticketId", "ticketMonth", "validFrom", "validUntil", "links"]
    static let linkEntryKeys: Set<String> = ["type", "hrId", "hrIntegrationId", "lastSyncId", "lastSynced"]
    static let documentKeys: Set<String> = ["id", "employeeId", "documentName", "documentFileType", "downloadable", "createdAt",
                                            "updatedAt", "resource", "_links"]
    static let integrationKeys: Set<String> = ["id", "name", "integrationType", "status", "linkedEmployees", "lastSync", "createdAt",
                                               "updatedAt", "resource", "_links"]
    static let envelopeKeys: Set<String> = ["data", "page", "perPage", "totalPages", "total"]

    /// Recursively sorts object members, so values compare regardless of member order.
    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let pairs): .object(pairs.map { ($0.0, canonical($0.1)) }.sorted { $0.0 < $1.0 })
        case .array(let items): .array(items.map(canonical))
        default: value
        }
    }

    static func link(_ path: String, type: String = "application/json") -> JSONValue {
        .object([("href", .string(base + path)), ("type", .string(type))])
    }

    static func ticket(_ employee: Employee) -> JSONValue {
        let id = MonthlyTicket(employeeId: employee.id, month: YearMonth(year: 2024, month: 5)).ticketId
        return .object([
            ("ticketId", .string(id)), ("ticketMonth", .string("2024-05")), ("validFrom", .string("2024-05-01")),
            ("validUntil", .string("2024-05-31")),
            ("links", .object([("apple", .string("\(base)/wallet/apple/\(id)")), ("google", .string("\(base)/wallet/google/\(id)"))])),
        ])
    }

    /// Checks the exact key set at every level of an employee resource.
    static func expectEmployeeShape(_ employee: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(employee.keySet == employeeKeys, sourceLocation: sourceLocation)
        #expect(employee["subscription"]?.keySet == subscriptionKeys, sourceLocation: sourceLocation)
        #expect(employee["plan"]?.keySet == planKeys, sourceLocation: sourceLocation)
        if let contribution = employee["plan"]?["employeeContributionAmount"], contribution != .null {
            #expect(contribution.keySet == ["label", "value"], sourceLocation: sourceLocation)
        }
        if let ticket = employee["ticket"], ticket != .null {
            #expect(ticket.keySet == ticketKeys, sourceLocation: sourceLocation)
            #expect(ticket["links"]?.keySet == ["apple", "google"], sourceLocation: sourceLocation)
        }
        #expect(employee["ticket"] != nil, sourceLocation: sourceLocation)
        for entry in employee["hrIntergartionLinks"]?.arrayValue ?? [] {
            #expect(entry.keySet == linkEntryKeys, sourceLocation: sourceLocation)
        }
        #expect(employee["hrIntergartionLinks"]?.arrayValue != nil, sourceLocation: sourceLocation)
        #expect(employee["_links"]?.keySet == ["self", "employeeDocuments"], sourceLocation: sourceLocation)
        for name in ["self", "employeeDocuments"] {
            #expect(employee["_links"]?[name]?.keySet == ["href", "type"], sourceLocation: sourceLocation)
        }
    }

    // MARK: Get Employee

    @Test func splitPayEmployeeMatchesTheSpecKeyForKey() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let employee = fixture.employee("active")
        let response = await harness.get("/employees/\(employee.id)", as: fixture.key("view-employees"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.headers["X-Request-Id"] != nil)
        let body = try response.json()
        #expect(body.keySet == ["data"])
        let data = try #require(body["data"])
        Self.expectEmployeeShape(data)
        let expected: JSONValue = .object([
            ("id", .int(Int(employee.id))), ("firstName", .string("Anna")), ("lastName", .string("Müller")),
            ("email", .string("anna.mueller@alpha.example")), ("dateOfBirth", .string("1990-04-15")), ("profileImage", .null),
            ("resource", .string("employee")),
            ("subscription", .object([
                ("status", .string("active")), ("startAt", .string("2024-01-01")), ("nextTicketAt", .string("2024-06-01")),
                ("pausedAt", .null), ("cancelledAt", .null), ("reactivatedAt", .null),
            ])),
            ("plan", .object([
                ("type", .string("split-pay-plan")), ("contractSigningStatus", .string("accepted")),
                ("employeeContributionAmount", .object([("label", .string("€29.00")), ("value", .number("29.00"))])),
            ])),
            ("ticket", Self.ticket(employee)),
            ("hrIntergartionLinks", .array([
                .object([("type", .string("hr-integration")), ("hrId", .string("emp_HR_001")),
                         ("hrIntegrationId", .int(Int(fixture.integration("a1").id))), ("lastSyncId", .string("sync_abc123")),
                         ("lastSynced", .string("2024-05-10T08:00:00Z"))]),
                .object([("type", .string("hr-integration")), ("hrId", .string("personio-17")),
                         ("hrIntegrationId", .int(Int(fixture.integration("a2").id))), ("lastSyncId", .null), ("lastSynced", .null)]),
            ])),
            ("_links", .object([
                ("self", Self.link("/employees/\(employee.id)")),
                ("employeeDocuments", Self.link("/employees/\(employee.id)/documents")),
            ])),
        ])
        #expect(Self.canonical(data) == Self.canonical(expected))
        // The contribution value is a JSON number with two decimals, not a string.
        #expect(response.text.contains(#""employeeContributionAmount":{"label":"€29.00","value":29.00}"#))
        // The misspelling is the public contract.
        #expect(response.text.contains(#""hrIntergartionLinks":"#))
        #expect(!response.text.contains("hrIntegrationLinks"))
        let ticketId = try #require(data["ticket"]?["ticketId"]?.stringValue)
        #expect(ticketId.hasPrefix("tkt_") && ticketId.count == 12)
    }

    @Test func fullySubsidizedEmployeeHasANullContribution() async throws {
        let harness = try Self.harness.get()
        let employee = harness.fixture.employee("scheduledPause")
        let data = try #require(try await harness.get("/employees/\(employee.id)", as: harness.fixture.key("all")).json()["data"])
        Self.expectEmployeeShape(data)
        #expect(data["plan"] == .object([("type", .string("fully-subsidized-plan")), ("contractSigningStatus", .string("accepted")),
                                         ("employeeContributionAmount", .null)]))
        #expect(data["hrIntergartionLinks"]?.arrayValue?.count == 1)
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        let employee: String
        let subscription: [(String, JSONValue)]
        let hasTicket: Bool
        var testDescription: String { employee }
    }

    static let statusCases: [StatusCase] = [
        StatusCase(employee: "active", subscription: [
            ("status", .string("active")), ("startAt", .string("2024-01-01")), ("nextTicketAt", .string("2024-06-01")),
            ("pausedAt", .null), ("cancelledAt", .null), ("reactivatedAt", .null)], hasTicket: true),
        StatusCase(employee: "scheduledPause", subscription: [
            ("status", .string("scheduled-pause")), ("startAt", .string("2024-02-01")), ("nextTicketAt", .string("2024-06-01")),
            ("pausedAt", .string("2024-07-01")), ("cancelledAt", .null), ("reactivatedAt", .string("2024-08-01"))], hasTicket: true),
        StatusCase(employee: "paused", subscription: [
            ("status", .string("paused")), ("startAt", .string("2023-10-01")), ("nextTicketAt", .null),
            ("pausedAt", .string("2024-05-01")), ("cancelledAt", .null), ("reactivatedAt", .string("2024-07-01"))], hasTicket: false),
        StatusCase(employee: "scheduledCancellation", subscription: [
            ("status", .string("scheduled-cancellation")), ("startAt", .string("2024-01-01")), ("nextTicketAt", .null),
            ("pausedAt", .null), ("cancelledAt", .string("2024-05-31")), ("reactivatedAt", .null)], hasTicket: true),
        StatusCase(employee: "cancelled", subscription: [
            ("status", .string("cancelled")), ("startAt", .string("2023-01-01")), ("nextTicketAt", .null),
            ("pausedAt", .null), ("cancelledAt", .string("2024-04-30")), ("reactivatedAt", .null)], hasTicket: false),
        StatusCase(employee: "pending", subscription: [
            ("status", .string("pending")), ("startAt", .string("2024-06-01")), ("nextTicketAt", .null),
            ("pausedAt", .null), ("cancelledAt", .null), ("reactivatedAt", .null)], hasTicket: false),
    ]

    @Test(arguments: statusCases)
    func subscriptionOfEachStatus(_ statusCase: StatusCase) async throws {
        let harness = try Self.harness.get()
        let employee = harness.fixture.employee(statusCase.employee)
        let data = try #require(try await harness.get("/employees/\(employee.id)", as: harness.fixture.key("all")).json()["data"])
        Self.expectEmployeeShape(data)
        #expect(Self.canonical(data["subscription"] ?? .null) == Self.canonical(.object(statusCase.subscription)))
        #expect(data["ticket"] == (statusCase.hasTicket ? Self.ticket(employee) : .null))
    }

    @Test func absentOptionalValuesAreNullNotMissing() async throws {
        let harness = try Self.harness.get()
        let employee = harness.fixture.employee("scheduledCancellation")
        let response = await harness.get("/employees/\(employee.id)", as: harness.fixture.key("all"))
        let data = try #require(try response.json()["data"])
        Self.expectEmployeeShape(data)
        #expect(data["dateOfBirth"] == .null)
        #expect(data["profileImage"] == .null)
        #expect(data["hrIntergartionLinks"] == .array([]))
        #expect(response.text.contains(#""dateOfBirth":null"#))
    }

    // MARK: List Employees

    @Test func listEnvelopeAndItems() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let response = await harness.get("/employees", as: fixture.key("all"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        let body = try response.json()
        #expect(body.keySet == ["data"])
        #expect(body["data"]?.keySet == Self.envelopeKeys)
        #expect(body["data"]?["page"] == .int(1))
        #expect(body["data"]?["perPage"] == .int(10))
        #expect(body["data"]?["totalPages"] == .int(1))
        #expect(body["data"]?["total"] == .int(6))
        #expect(body.listIds == fixture.employeesOfA.map { Int($0.id) })
        for item in body.listItems { Self.expectEmployeeShape(item) }
        // A list item is the same resource as Get Employee.
        let single = try await harness.get("/employees/\(fixture.employee("active").id)", as: fixture.key("all")).json()
        #expect(body.listItems.first == single["data"])
    }

    @Test func pagination() async throws {
        let harness = try Self.harness.get()
        let key = harness.fixture.key("all")
        let ids = harness.fixture.employeesOfA.map { Int($0.id) }
        let second = try await harness.get("/employees?page=2&perPage=4", as: key).json()
        #expect(second.listIds == Array(ids[4...]))
        #expect(second["data"]?["page"] == .int(2))
        #expect(second["data"]?["perPage"] == .int(4))
        #expect(second["data"]?["totalPages"] == .int(2))
        #expect(second["data"]?["total"] == .int(6))

        let maximum = await harness.get("/employees?perPage=100", as: key)
        #expect(maximum.status == 200)
        #expect(try maximum.json()["data"]?["perPage"] == .int(100))

        let pastTheEnd = try await harness.get("/employees?page=5&perPage=2", as: key).json()
        #expect(pastTheEnd["data"]?["data"] == .array([]))
        #expect(pastTheEnd["data"]?["page"] == .int(5))
        #expect(pastTheEnd["data"]?["totalPages"] == .int(3))
        #expect(pastTheEnd["data"]?["total"] == .int(6))

        let ignored = await harness.get("/employees?colour=blue&perPage=2", as: key)
        #expect(ignored.status == 200, "unknown query parameters are ignored")
    }

    struct BadQuery: Sendable, CustomTestStringConvertible {
        let path: String
        let parameter: String
        var testDescription: String { path }
    }

    static let badQueries: [BadQuery] = [
        BadQuery(path: "/employees?perPage=101", parameter: "perPage"),
        BadQuery(path: "/employees?perPage=0", parameter: "perPage"),
        BadQuery(path: "/employees?perPage=-5", parameter: "perPage"),
        BadQuery(path: "/employees?perPage=ten", parameter: "perPage"),
        BadQuery(path: "/employees?page=0", parameter: "page"),
        BadQuery(path: "/employees?page=abc", parameter: "page"),
        BadQuery(path: "/employees?page=1.5", parameter: "page"),
        BadQuery(path: "/employees?sortField=password", parameter: "sortField"),
        BadQuery(path: "/employees?sortField=createdAt", parameter: "sortField"),
        BadQuery(path: "/employees?sortOrder=up", parameter: "sortOrder"),
        BadQuery(path: "/employees?status=bogus", parameter: "status"),
        BadQuery(path: "/employees?status=active,bogus", parameter: "status"),
        BadQuery(path: "/employees?planType=free", parameter: "planType"),
        BadQuery(path: "/employees?ids=" + (1...101).map(String.init).joined(separator: ","), parameter: "ids"),
        BadQuery(path: "/employees?ids=1,abc", parameter: "ids"),
        BadQuery(path: "/employees?hrIntegrationId=abc", parameter: "hrIntegrationId"),
        BadQuery(path: "/employees?hrIntegrationId=0", parameter: "hrIntegrationId"),
        BadQuery(path: "/employee-documents?employeeId=abc", parameter: "employeeId"),
        BadQuery(path: "/employee-documents?sortField=firstName", parameter: "sortField"),
        BadQuery(path: "/employee-documents?perPage=101", parameter: "perPage"),
        BadQuery(path: "/employees/1/documents?sortOrder=DESC", parameter: "sortOrder"),
        BadQuery(path: "/hr-integrations?status=bogus", parameter: "status"),
        BadQuery(path: "/hr-integrations?sortField=email", parameter: "sortField"),
        BadQuery(path: "/hr-integrations?page=0", parameter: "page"),
    ]

    @Test(arguments: badQueries)
    func invalidQueryParameterIsA400NamingIt(_ query: BadQuery) async throws {
        let harness = try Self.harness.get()
        let response = await harness.get(query.path, as: harness.fixture.key("all"))
        #expect(response.status == 400)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let problem = try response.json()
        #expect(problem["type"] == .string("\(Self.base)/problems/bad-request"))
        #expect(problem["status"] == .int(400))
        let detail = problem["detail"]?.stringValue ?? ""
        #expect(detail.contains("'\(query.parameter)'"), "detail: \(detail)")
    }

    @Test func exactlyAHundredIdsAreAccepted() async throws {
        let harness = try Self.harness.get()
        let ids = (1...100).map(String.init).joined(separator: ",")
        let response = await harness.get("/employees?ids=\(ids)&perPage=100", as: harness.fixture.key("all"))
        #expect(response.status == 200)
        #expect(try response.json().listIds == harness.fixture.employeesOfA.map { Int($0.id) })
    }

    @Test(arguments: ["abc", "0", "-1", "1.0", "99999999999999999999", "%20"])
    func invalidPathIdIsA400(_ id: String) async throws {
        let harness = try Self.harness.get()
        for path in ["/employees/\(id)", "/employees/\(id)/documents", "/employee-documents/\(id)",
                     "/employee-documents/\(id)/download", "/hr-integrations/\(id)"] {
            let decoded = path.removingPercentEncoding ?? path
            let response = await harness.get(decoded, as: harness.fixture.key("all"))
            #expect(response.status == 400, "\(path)")
            #expect(try response.json()["type"] == .string("\(Self.base)/problems/bad-request"))
        }
    }

    // MARK: Sorting and filters

    /// Byte-wise text order (what the database's binary collation does); nil first.
    static func precedes(_ lhs: (String?, Int64), _ rhs: (String?, Int64)) -> Bool {
        let left = Array((lhs.0 ?? "").utf8)
        let right = Array((rhs.0 ?? "").utf8)
        if left != right { return left.lexicographicallyPrecedes(right) }
        return lhs.1 < rhs.1
    }

    static func sortValue(_ employee: Employee, _ field: String) -> String? {
        switch field {
        case "firstName": employee.firstName
        case "lastName": employee.lastName
        case "email": employee.email.lowercased()
        case "dateOfBirth": employee.dateOfBirth?.description
        default: String(format: "%020lld", employee.id)
        }
    }

    /// Fetches every page of `path` with `perPage`, concatenating the ids.
    static func allPages(_ harness: APITestHarness, _ path: String, perPage: Int) async throws -> [Int] {
        var ids: [Int] = []
        var page = 1
        while true {
            let separator = path.contains("?") ? "&" : "?"
            let body = try await harness.get("\(path)\(separator)page=\(page)&perPage=\(perPage)", as: harness.fixture.key("all")).json()
            ids += body.listIds
            guard let totalPages = body["data"]?["totalPages"]?.intValue, page < totalPages else { return ids }
            page += 1
        }
    }

    @Test(arguments: ["id", "firstName", "lastName", "email", "dateOfBirth"], ["asc", "desc"])
    func employeesSortStablyWithIdTieBreak(field: String, order: String) async throws {
        let harness = try Self.harness.get()
        let ascending = harness.fixture.employeesOfA
            .sorted { Self.precedes((Self.sortValue($0, field), $0.id), (Self.sortValue($1, field), $1.id)) }.map { Int($0.id) }
        let expected = order == "asc" ? ascending : ascending.reversed()
        let path = "/employees?sortField=\(field)&sortOrder=\(order)"
        let whole = try await harness.get(path + "&perPage=100", as: harness.fixture.key("all")).json()
        #expect(whole.listIds == expected)
        #expect(try await Self.allPages(harness, path, perPage: 2) == expected)
    }

    @Test func sortOrderDefaultsToAscending() async throws {
        let harness = try Self.harness.get()
        let body = try await harness.get("/employees?sortField=lastName&perPage=100", as: harness.fixture.key("all")).json()
        let names = body.listItems.compactMap { $0["lastName"]?.stringValue }
        #expect(names == ["Becker", "Klein", "Müller", "Schmidt", "Schmidt", "Zimmermann"])
    }

    @Test(arguments: ["id", "documentName", "createdAt", "updatedAt"], ["asc", "desc"])
    func documentsSortStablyWithIdTieBreak(field: String, order: String) async throws {
        let harness = try Self.harness.get()
        func value(_ document: EmployeeDocument) -> String {
            switch field {
            case "documentName": document.documentName
            case "createdAt": document.createdAt.description
            case "updatedAt": document.updatedAt.description
            default: String(format: "%020lld", document.id)
            }
        }
        let documents = harness.fixture.documentsOfA
        let ascending = documents.sorted { Self.precedes((value($0), $0.id), (value($1), $1.id)) }.map { Int($0.id) }
        let expected = order == "asc" ? ascending : ascending.reversed()
        let path = "/employee-documents?sortField=\(field)&sortOrder=\(order)"
        #expect(try await Self.allPages(harness, path, perPage: 3) == expected)

        let active = harness.fixture.employee("active")
        let ofActive = expected.filter { id in documents.contains { Int($0.id) == id && $0.employeeId == active.id } }
        #expect(try await Self.allPages(harness, "/employees/\(active.id)/documents?sortField=\(field)&sortOrder=\(order)", perPage: 1)
            == ofActive)
    }

    @Test(arguments: ["id", "name", "createdAt"], ["asc", "desc"])
    func integrationsSortStablyWithIdTieBreak(field: String, order: String) async throws {
        let harness = try Self.harness.get()
        func value(_ integration: HRIntegration) -> String {
            switch field {
            case "name": integration.name
            case "createdAt": integration.createdAt.description
            default: String(format: "%020lld", integration.id)
            }
        }
        let ascending = harness.fixture.integrationsOfA
            .sorted { Self.precedes((value($0), $0.id), (value($1), $1.id)) }.map { Int($0.id) }
        let expected = order == "asc" ? ascending : ascending.reversed()
        #expect(try await Self.allPages(harness, "/hr-integrations?sortField=\(field)&sortOrder=\(order)", perPage: 2) == expected)
    }

    @Test func employeeFilters() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let key = fixture.key("all")
        func ids(_ names: String...) -> [Int] { names.map { Int(fixture.employee($0).id) }.sorted() }
        func list(_ query: String) async throws -> [Int] {
            let response = await harness.get("/employees?perPage=100&\(query)", as: key)
            #expect(response.status == 200, "\(query): \(response.text)")
            return try response.json().listIds
        }
        for (status, name) in [("active", "active"), ("scheduled-pause", "scheduledPause"), ("paused", "paused"),
                               ("scheduled-cancellation", "scheduledCancellation"), ("cancelled", "cancelled"), ("pending", "pending")] {
            #expect(try await list("status=\(status)") == ids(name), "status=\(status)")
        }
        #expect(try await list("status=paused,cancelled") == ids("paused", "cancelled"))
        #expect(try await list("planType=fully-subsidized-plan") == ids("scheduledPause", "cancelled"))
        #expect(try await list("planType=split-pay-plan,fully-subsidized-plan").count == 6)
        #expect(try await list("email=ben.schmidt@alpha.example") == ids("scheduledPause"))
        #expect(try await list("email=ANNA.MUELLER@ALPHA.EXAMPLE") == ids("active"))
        #expect(try await list("email=anna") == [])
        #expect(try await list("ids=\(fixture.employee("paused").id),\(fixture.employee("pending").id)") == ids("paused", "pending"))
        #expect(try await list("hrIntegrationId=\(fixture.integration("a2").id)") == ids("active"))
        let a1 = try await list("hrIntegrationId=\(fixture.integration("a1").id)")
        #expect(Set(ids("active", "scheduledPause", "paused")).isSubset(of: Set(a1)))
        #expect(!a1.contains(Int(fixture.employee("pending").id)) && !a1.contains(Int(fixture.employee("scheduledCancellation").id)))
        #expect(try await list("hrIntegrationId=\(fixture.integration("a3").id)") == [])
        // Filters combine with AND.
        #expect(try await list("status=active,paused,scheduled-pause&planType=split-pay-plan") == ids("active", "paused"))
        #expect(try await list("status=active&email=clara.schmidt@alpha.example") == [])
        let counted = try await harness.get("/employees?status=paused,cancelled&perPage=1", as: key).json()
        #expect(counted["data"]?["total"] == .int(2))
        #expect(counted["data"]?["totalPages"] == .int(2))
    }

    @Test func documentAndIntegrationFilters() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let key = fixture.key("all")
        let active = fixture.employee("active")
        let ofActive = try await harness.get("/employee-documents?employeeId=\(active.id)", as: key).json()
        #expect(ofActive.listIds == [fixture.document("invoice").id, fixture.document("unicode").id].map { Int($0) })
        let none = try await harness.get("/employee-documents?employeeId=\(fixture.employee("pending").id)", as: key).json()
        #expect(none.listIds == [])
        let status = try await harness.get("/hr-integrations?status=ACTIVE", as: key).json()
        #expect(status.listIds == [Int(fixture.integration("a2").id)])
        let two = try await harness.get("/hr-integrations?status=INITIAL%20SYNC%20PENDING,DISABLED", as: key).json()
        #expect(two.listIds == [fixture.integration("a1").id, fixture.integration("a3").id].map { Int($0) })
    }

    // MARK: Documents

    @Test func documentResource() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let document = fixture.document("invoice")
        let response = await harness.get("/employee-documents/\(document.id)", as: fixture.key("all"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        let data = try #require(try response.json()["data"])
        #expect(data.keySet == Self.documentKeys)
        let expected: JSONValue = .object([
            ("id", .int(Int(document.id))), ("employeeId", .int(Int(document.employeeId))),
            ("documentName", .string("May 2024 Transit Invoice")), ("documentFileType", .string("pdf")), ("downloadable", .bool(true)),
            ("createdAt", .string("2024-05-01T09:00:00Z")), ("updatedAt", .string("2024-05-01T09:00:00Z")),
            ("resource", .string("employee-document")),
            ("_links", .object([
                ("self", Self.link("/employee-documents/\(document.id)")),
                ("employee", Self.link("/employees/\(document.employeeId)")),
                ("download", Self.link("/employee-documents/\(document.id)/download", type: "application/pdf")),
            ])),
        ])
        #expect(Self.canonical(data) == Self.canonical(expected))

        let contract = fixture.document("contract")
        let other = try #require(try await harness.get("/employee-documents/\(contract.id)", as: fixture.key("all")).json()["data"])
        #expect(other.keySet == Self.documentKeys)
        #expect(other["downloadable"] == .bool(false))
        #expect(other["_links"]?.keySet == ["self", "employee"], "no download link when not downloadable")

        let list = try await harness.get("/employee-documents", as: fixture.key("all")).json()
        #expect(list["data"]?.keySet == Self.envelopeKeys)
        for item in list.listItems { #expect(item.keySet == Self.documentKeys) }
        #expect(list.listItems.first { $0["id"] == .int(Int(document.id)) } == data)
    }

    @Test func downloadServesTheBytesWithHeaders() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let document = fixture.document("invoice")
        let path = "/employee-documents/\(document.id)/download"
        let response = await harness.get(path, as: fixture.key("view-employees"))
        #expect(response.status == 200)
        #expect(response.body == fixture.documentBytes["invoice"])
        #expect(response.headers["Content-Type"] == "application/pdf")
        #expect(response.headers["Content-Disposition"] == #"attachment; filename="May 2024 Transit Invoice.pdf""#)
        let etag = try #require(response.headers["ETag"])
        #expect(etag == "\"\(document.sha256)\"", "a strong ETag")
        #expect(!etag.hasPrefix("W/"))
        if let length = response.headers["Content-Length"] { #expect(length == String(response.body.count)) }

        let notModified = await harness.get(path, as: fixture.key("all"), headers: [("If-None-Match", etag)])
        #expect(notModified.status == 304)
        #expect(notModified.body.isEmpty)
        #expect(notModified.headers["ETag"] == etag)
        let listed = await harness.get(path, as: fixture.key("all"), headers: [("If-None-Match", "\"nope\", \(etag)")])
        #expect(listed.status == 304)
        let changed = await harness.get(path, as: fixture.key("all"), headers: [("If-None-Match", "\"something-else\"")])
        #expect(changed.status == 200)
        #expect(changed.body == fixture.documentBytes["invoice"])
    }

    @Test func downloadOfANonASCIINameCarriesFilenameStar() async throws {
        let harness = try Self.harness.get()
        let document = harness.fixture.document("unicode")
        let response = await harness.get("/employee-documents/\(document.id)/download", as: harness.fixture.key("all"))
        #expect(response.status == 200)
        let disposition = try #require(response.headers["Content-Disposition"])
        #expect(disposition.hasPrefix("attachment; filename=\""))
        #expect(disposition.unicodeScalars.allSatisfy { $0.isASCII }, "header values stay ASCII")
        #expect(disposition.hasSuffix("; filename*=UTF-8''Rechnung%20Mai%20%E2%80%93%20M%C3%BCller.pdf"))
        let fallback = disposition.split(separator: ";")[1]
        #expect(fallback.hasSuffix(".pdf\""))
        #expect(response.headers["ETag"] == "\"\(document.sha256)\"")
    }

    @Test func nonDownloadableDocumentIsA409() async throws {
        let harness = try Self.harness.get()
        let document = harness.fixture.document("contract")
        let response = await harness.get("/employee-documents/\(document.id)/download", as: harness.fixture.key("all"))
        #expect(response.status == 409)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(try response.json()["type"] == .string("\(Self.base)/problems/document-not-downloadable"))
    }

    // MARK: HR integrations

    @Test func integrationResources() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let a1 = fixture.integration("a1")
        let fresh = try #require(try await harness.get("/hr-integrations/\(a1.id)", as: fixture.key("view-hr-integrations")).json()["data"])
        #expect(fresh.keySet == Self.integrationKeys)
        let expected: JSONValue = .object([
            ("id", .int(Int(a1.id))), ("name", .string("JobTicket+ API Integration")), ("integrationType", .string("api")),
            ("status", .string("INITIAL SYNC PENDING")), ("linkedEmployees", .int(3)), ("lastSync", .null),
            ("createdAt", .string("2024-05-01T09:00:00Z")), ("updatedAt", .string("2024-05-01T09:00:00Z")),
            ("resource", .string("hr-integration")),
            ("_links", .object([
                ("self", Self.link("/hr-integrations/\(a1.id)")),
                ("sync", Self.link("/hr-integrations/\(a1.id)/sync")),
                ("syncs", Self.link("/hr-integrations/\(a1.id)/syncs")),
            ])),
        ])
        #expect(Self.canonical(fresh) == Self.canonical(expected))

        let a2 = fixture.integration("a2")
        let synced = try #require(try await harness.get("/hr-integrations/\(a2.id)", as: fixture.key("all")).json()["data"])
        #expect(synced.keySet == Self.integrationKeys)
        #expect(synced["status"] == .string("ACTIVE"))
        #expect(synced["linkedEmployees"] == .int(1))
        #expect(synced["updatedAt"] == .string("2024-05-14T06:00:03Z"))
        #expect(Self.canonical(synced["lastSync"] ?? .null) == Self.canonical(.object([
            ("syncId", .string("sync-2024-05-14-001")), ("syncedAt", .string("2024-05-14T06:00:03Z")),
            ("added", .int(1)), ("updated", .int(0)), ("offboarded", .int(0)), ("unchanged", .int(0)),
        ])))

        let list = try await harness.get("/hr-integrations", as: fixture.key("all")).json()
        #expect(list["data"]?.keySet == Self.envelopeKeys)
        #expect(list["data"]?["total"] == .int(3))
        #expect(list.listItems.first == fresh)
        #expect(list.listItems.map { $0["status"]?.stringValue } == ["INITIAL SYNC PENDING", "ACTIVE", "DISABLED"])
    }

    // MARK: Links and HEAD

    @Test func everyHrefIsAbsoluteOnThePublicURL() async throws {
        let harness = try Self.harness.get()
        let key = harness.fixture.key("all")
        var hrefs: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let pairs):
                for (name, member) in pairs {
                    if name == "href", let text = member.stringValue { hrefs.append(text) }
                    collect(member)
                }
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        for path in ["/employees?perPage=100", "/employee-documents?perPage=100", "/hr-integrations"] {
            collect(try await harness.get(path, as: key, headers: [("Host", "evil.example")]).json())
        }
        #expect(hrefs.count > 20)
        #expect(hrefs.allSatisfy { $0.hasPrefix(Self.base + "/") }, "\(hrefs.filter { !$0.hasPrefix(Self.base + "/") })")
    }

    @Test func headIsAnsweredForGet() async throws {
        let harness = try Self.harness.get()
        let response = await harness.request("HEAD", "/employees", as: harness.fixture.key("all"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        let employee = await harness.request("HEAD", "/employees/\(harness.fixture.employee("active").id)", as: harness.fixture.key("all"))
        #expect(employee.status == 200)
    }
}
