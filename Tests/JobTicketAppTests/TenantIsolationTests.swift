import Foundation
import HTTPServer
import JobTicketCore
import Testing

/// Spec §2: a key only ever sees its own company's data; another company's id answers 404
/// exactly like an id that does not exist.
@Suite struct TenantIsolationTests {
    static let harness = Result { try APITestHarness(seed: 201, settings: ["JOBTICKET_RATE_LIMIT": "1000000"]) }

    static let idEndpoints = ReadEndpoint.allCases.filter(\.hasId)

    /// A problem with per-request members dropped and the requested id replaced by `{id}`, so an
    /// existing-elsewhere id and a non-existent one can be compared member by member.
    static func normalised(_ response: TestResponse, id: Int64) throws -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        guard case .object(let members) = try response.json().problemShape else { return .null }
        for (name, value) in members {
            if name == "detail", let text = value.stringValue {
                let pattern = try NSRegularExpression(pattern: "\\b\(id)\\b")
                let range = NSRange(text.startIndex..., in: text)
                pairs.append((name, .string(pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "{id}"))))
            } else {
                pairs.append((name, value))
            }
        }
        return .object(pairs)
    }

    @Test(arguments: idEndpoints)
    func otherCompanysIdIsIndistinguishableFromANonExistentOne(endpoint: ReadEndpoint) async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let key = fixture.key("all")
        let foreignId = endpoint.resourceId(fixture, employee: "other", document: "otherInvoice", integration: "b1")
        let unknownId: Int64 = 987_654
        let foreign = await harness.get(endpoint.path(id: foreignId), as: key)
        let unknown = await harness.get(endpoint.path(id: unknownId), as: key)
        #expect(foreign.status == 404)
        #expect(unknown.status == 404)
        #expect(foreign.headers["Content-Type"] == "application/problem+json")
        #expect(try foreign.json()["type"] == .string("\(APITestHarness.publicURL)/problems/not-found"))
        #expect(try Self.normalised(foreign, id: foreignId) == Self.normalised(unknown, id: unknownId))
        #expect(Set(foreign.headers.map { $0.name.lowercased() }) == Set(unknown.headers.map { $0.name.lowercased() }))
        #expect(foreign.headers["Content-Type"] == unknown.headers["Content-Type"])

        // The owner sees it (the foreign id is real).
        let owner = await harness.get(endpoint.path(id: foreignId), as: fixture.key("b"))
        #expect(owner.status == 200)
    }

    @Test func nonDownloadableForeignDocumentIsA404NotA409() async throws {
        let harness = try Self.harness.get()
        let foreign = harness.fixture.document("otherContract")
        let response = await harness.get("/employee-documents/\(foreign.id)/download", as: harness.fixture.key("all"))
        #expect(response.status == 404)
    }

    @Test func listsNeverContainTheOtherCompanysRows() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        for (keyName, company) in [("all", fixture.companyA), ("b", fixture.companyB)] {
            let key = fixture.key(keyName)
            let employees = try await harness.get("/employees?perPage=100", as: key).json()
            let expectedEmployees = fixture.employees.values.filter { $0.companyId == company }.map { Int($0.id) }.sorted()
            #expect(employees.listIds == expectedEmployees)
            #expect(employees["data"]?["total"] == .int(expectedEmployees.count))

            let documents = try await harness.get("/employee-documents?perPage=100", as: key).json()
            let expectedDocuments = fixture.documents.values.filter { $0.companyId == company }.map { Int($0.id) }.sorted()
            #expect(documents.listIds == expectedDocuments)
            #expect(documents["data"]?["total"] == .int(expectedDocuments.count))

            let integrations = try await harness.get("/hr-integrations?perPage=100", as: key).json()
            let expectedIntegrations = fixture.integrations.values.filter { $0.companyId == company }.map { Int($0.id) }.sorted()
            #expect(integrations.listIds == expectedIntegrations)
            #expect(integrations["data"]?["total"] == .int(expectedIntegrations.count))
        }
    }

    @Test func filteringByTheOtherCompanysEmployeeGivesAnEmptyList() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let response = await harness.get("/employee-documents?employeeId=\(fixture.employee("other").id)", as: fixture.key("all"))
        #expect(response.status == 200)
        let body = try response.json()
        #expect(body.listItems.isEmpty)
        #expect(body["data"]?["total"] == .int(0))
        #expect(body["data"]?["totalPages"] == .int(0))
    }

    @Test func filteringByTheOtherCompanysIntegrationGivesAnEmptyList() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let response = await harness.get("/employees?hrIntegrationId=\(fixture.integration("b1").id)", as: fixture.key("all"))
        #expect(response.status == 200)
        let body = try response.json()
        #expect(body.listItems.isEmpty)
        #expect(body["data"]?["total"] == .int(0))
    }

    @Test func otherFiltersNeverReachAcrossCompanies() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let key = fixture.key("all")
        // Company B has an employee with the same e-mail as A's "active" employee.
        let byEmail = try await harness.get("/employees?email=ANNA.MUELLER@alpha.example", as: key).json()
        #expect(byEmail.listIds == [Int(fixture.employee("active").id)])
        // ids of the other company are silently outside the result.
        let ids = "\(fixture.employee("active").id),\(fixture.employee("other").id),\(fixture.employee("otherPaused").id)"
        let byIds = try await harness.get("/employees?ids=\(ids)", as: key).json()
        #expect(byIds.listIds == [Int(fixture.employee("active").id)])
        // Statuses are counted within the company only.
        let paused = try await harness.get("/employees?status=paused", as: key).json()
        #expect(paused.listIds == [Int(fixture.employee("paused").id)])
    }

    @Test func linksOfAnEmployeeNameOnlyTheirOwnCompanysIntegrations() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let other = try await harness.get("/employees/\(fixture.employee("other").id)", as: fixture.key("b")).json()
        let integrationIds = other["data"]?["hrIntergartionLinks"]?.arrayValue?.compactMap { $0["hrIntegrationId"]?.intValue }
        #expect(integrationIds == [Int(fixture.integration("b1").id)])
    }

    @Test func linkedEmployeeCountsAreTenantScoped() async throws {
        let harness = try Self.harness.get()
        let fixture = harness.fixture
        let b1 = try await harness.get("/hr-integrations/\(fixture.integration("b1").id)", as: fixture.key("b")).json()
        #expect(b1["data"]?["linkedEmployees"] == .int(1))
    }
}
