import HTTPServer
import JobTicketCore
import Testing

/// Every read endpoint of spec §7 with the permission spec §3 says it needs.
enum ReadEndpoint: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case listEmployees = "GET /employees"
    case getEmployee = "GET /employees/{id}"
    case employeeDocuments = "GET /employees/{id}/documents"
    case listDocuments = "GET /employee-documents"
    case getDocument = "GET /employee-documents/{id}"
    case downloadDocument = "GET /employee-documents/{id}/download"
    case listIntegrations = "GET /hr-integrations"
    case getIntegration = "GET /hr-integrations/{id}"

    var testDescription: String { rawValue }

    var required: Permission {
        switch self {
        case .listIntegrations, .getIntegration: .viewHRIntegrations
        default: .viewEmployees
        }
    }

    /// Whether the path carries an id (and so has a tenant-isolation counterpart).
    var hasId: Bool {
        switch self {
        case .listEmployees, .listDocuments, .listIntegrations: false
        default: true
        }
    }

    /// The path for the resource of this endpoint, with `id` in place of `{id}`.
    func path(id: Int64) -> String {
        switch self {
        case .listEmployees: "/employees"
        case .getEmployee: "/employees/\(id)"
        case .employeeDocuments: "/employees/\(id)/documents"
        case .listDocuments: "/employee-documents"
        case .getDocument: "/employee-documents/\(id)"
        case .downloadDocument: "/employee-documents/\(id)/download"
        case .listIntegrations: "/hr-integrations"
        case .getIntegration: "/hr-integrations/\(id)"
        }
    }

    /// The path for company A's resource (a downloadable document for the download).
    func path(_ fixture: Fixture) -> String {
        path(id: resourceId(fixture, employee: "active", document: "invoice", integration: "a1"))
    }

    func resourceId(_ fixture: Fixture, employee: String, document: String, integration: String) -> Int64 {
        switch self {
        case .getEmployee, .employeeDocuments: fixture.employee(employee).id
        case .getDocument, .downloadDocument: fixture.document(document).id
        case .getIntegration: fixture.integration(integration).id
        case .listEmployees, .listDocuments, .listIntegrations: 0
        }
    }
}

/// The keys of company A the matrix tries: each single permission, none relevant, none, all five.
enum KeyKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case viewEmployees = "view-employees"
    case viewHRIntegrations = "view-hr-integrations"
    case addEmployees = "add-employees"
    case updateEmployees = "update-employees"
    case removeEmployees = "remove-employees"
    case noneRelevant
    case empty
    case all

    var testDescription: String { rawValue }
}

@Suite struct PermissionMatrixTests {
    static let harness = Result { try APITestHarness(seed: 101) }

    @Test(arguments: ReadEndpoint.allCases, KeyKind.allCases)
    func endpointAnswersExactlyPerPermission(endpoint: ReadEndpoint, kind: KeyKind) async throws {
        let harness = try Self.harness.get()
        let key = harness.fixture.key(kind.rawValue)
        let response = await harness.get(endpoint.path(harness.fixture), as: key)
        let allowed = key.permissions.contains(endpoint.required)
        // Every authenticated response carries the rate-limit headers, refusals included (spec §4).
        #expect(response.headers["RateLimit-Policy"] == "\"per-key\";q=100;w=60")
        #expect(response.rateLimit != nil)
        if allowed {
            #expect(response.status == 200, "\(response.text)")
            return
        }
        #expect(response.status == 403)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let problem = try response.json()
        #expect(problem["type"] == .string("\(APITestHarness.publicURL)/problems/forbidden"))
        #expect(problem["title"] == .string("Forbidden"))
        #expect(problem["status"] == .int(403))
        #expect(problem["instance"] == .string(endpoint.path(harness.fixture)))
        #expect(problem["missingPermissions"] == .array([.string(endpoint.required.rawValue)]))
        #expect(problem["detail"]?.stringValue?.contains(endpoint.required.rawValue) == true)
    }

    @Test(arguments: ReadEndpoint.allCases)
    func companyWithAPIAccessDisabledIsForbidden(endpoint: ReadEndpoint) async throws {
        let harness = try Self.harness.get()
        // Ids of company A: the check happens before any lookup, so they never leak either way.
        let response = await harness.get(endpoint.path(harness.fixture), as: harness.fixture.key("c"))
        #expect(response.status == 403)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        let problem = try response.json()
        #expect(problem["type"] == .string("\(APITestHarness.publicURL)/problems/api-access-disabled"))
        #expect(problem["status"] == .int(403))
        #expect(problem["missingPermissions"] == nil)
    }

    @Test func switchingAPIAccessOnTakesEffectImmediately() async throws {
        let harness = try APITestHarness(seed: 102)
        let key = harness.fixture.key("c")
        #expect(await harness.get("/employees", as: key).status == 403)
        let company = harness.fixture.companyC
        try await harness.deployment.store.write { try $0.setAPIAccess(companyId: company, enabled: true) }
        let response = await harness.get("/employees", as: key)
        #expect(response.status == 200)
        #expect(try response.json().listItems.isEmpty)
        try await harness.deployment.store.write { try $0.setAPIAccess(companyId: company, enabled: false) }
        #expect(await harness.get("/employees", as: key).status == 403)
    }

    @Test func permissionIsCheckedBeforeTheResourceIsLookedUp() async throws {
        // A key without the permission learns nothing about which ids exist: 403 either way.
        let harness = try Self.harness.get()
        let key = harness.fixture.key("view-hr-integrations")
        let existing = await harness.get("/employees/\(harness.fixture.employee("active").id)", as: key)
        let missing = await harness.get("/employees/999999", as: key)
        #expect(existing.status == 403)
        #expect(missing.status == 403)
    }
}
