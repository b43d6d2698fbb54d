import Foundation
import JobTicketApp
import JobTicketCore
import JobTicketStore
import Synchronization
import Testing

/// Collects what a command prints, line by line.
private final class CapturedTerminal: Sendable {
    private let outLines = Mutex<[String]>([])
    private let errLines = Mutex<[String]>([])

    var terminal: Terminal {
        Terminal(out: { line in self.outLines.withLock { $0.append(line) } },
                 err: { line in self.errLines.withLock { $0.append(line) } })
    }

    var out: String { outLines.withLock { $0.joined(separator: "\n") } }
    var err: String { errLines.withLock { $0.joined(separator: "\n") } }
}

/// One run of the command line: exit code and what went to each stream.
private struct Outcome {
    let code: Int32
    let out: String
    let err: String

    /// stdout parsed as one JSON document.
    var json: JSONValue {
        (try? JSONParser.parse(Array(out.utf8))) ?? .null
    }

    /// stderr parsed as one JSON document.
    var errorJSON: JSONValue {
        (try? JSONParser.parse(Array(err.utf8))) ?? .null
    }
}

/// A data directory of its own and the command line pointed at it, in process.
private final class Operator {
    static let now = "2024-05-14T06:00:00Z"
    static let today = CalendarDate("2024-05-14")!

    let directory: URL
    var environment: [String: String]

    init(_ extra: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jobticket-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        environment = ["JOBTICKET_DATABASE": "sqlite:\(directory.path)/db.sqlite", "JOBTICKET_NOW": Self.now]
            .merging(extra) { $1 }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var databasePath: String { directory.path + "/db.sqlite" }

    func run(_ arguments: String...) -> Outcome { run(arguments) }

    func run(_ arguments: [String]) -> Outcome {
        let capture = CapturedTerminal()
        let code = CommandLineInterface(terminal: capture.terminal).run(arguments, environment: environment)
        return Outcome(code: code, out: capture.out, err: capture.err)
    }

    /// Creates a company and returns its id.
    func company(_ name: String = "Acme GmbH", access: String = "enabled") throws -> Int {
        let outcome = run("company", "create", "--name", name, "--api-access", access, "--json")
        return try #require(outcome.json["id"]?.intValue)
    }

    /// A store on the same file, for checking what the commands wrote.
    func store() throws -> Store {
        let store = try Store(path: databasePath)
        try store.migrate(now: Timestamp(iso8601: Self.now)!)
        return store
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory.path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

private let masterKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

private func invoicePDF(_ title: String) -> [UInt8] {
    InvoicePDF.render(TransitInvoice(title: title, companyName: "Acme GmbH", employeeName: "Anna Müller", month: "2024-04",
                                     amountLabel: "€29.00", invoiceNumber: "INV-202404-000001"))
}

@Suite struct OperatorCommandTests {
    // MARK: migrate

    @Test func migrateReportsAppliedVersionsThenNothing() throws {
        let op = try Operator()
        let first = op.run("migrate", "--json")
        #expect(first.code == 0)
        #expect(first.out == #"{"applied":[1],"schemaVersion":1}"#)
        #expect(first.err == "")
        let second = op.run("migrate", "--json")
        #expect(second.code == 0)
        #expect(second.out == #"{"applied":[],"schemaVersion":1}"#)
        let text = op.run("migrate")
        #expect(text.out == "Schema is current (version 1).")
    }

    @Test func migrateInTextNamesTheAppliedVersion() throws {
        let op = try Operator()
        let outcome = op.run("migrate")
        #expect(outcome.code == 0)
        #expect(outcome.out == "Applied migrations 1; schema version 1.")
    }

    // MARK: company

    @Test func companyCreateInText() throws {
        let op = try Operator()
        let outcome = op.run("company", "create", "--name", "Acme GmbH")
        #expect(outcome.code == 0)
        #expect(outcome.out == #"Created company 1 "Acme GmbH" (API access disabled)."#)
        #expect(outcome.err == "")
    }

    @Test func companyCreateInJSON() throws {
        let op = try Operator()
        let outcome = op.run("company", "create", "--name", "Acme GmbH", "--api-access", "enabled", "--json")
        #expect(outcome.code == 0)
        #expect(outcome.out == #"{"id":1,"name":"Acme GmbH","apiAccess":"enabled","planType":"split-pay-plan","contribution":"€29.00"}"#)
        let subsidised = op.run("company", "create", "--name", "Beta AG", "--plan", "fully-subsidized-plan", "--json")
        #expect(subsidised.out == #"{"id":2,"name":"Beta AG","apiAccess":"disabled","planType":"fully-subsidized-plan","contribution":null}"#)
        let company = try op.store().writeNow { try $0.company(id: 1) }
        #expect(company?.apiAccessEnabled == true)
        #expect(company?.defaultContribution == Money(cents: 2900))
    }

    @Test func companyNameMustBeUnique() throws {
        let op = try Operator()
        _ = try op.company("Acme GmbH")
        let outcome = op.run("company", "create", "--name", "Acme GmbH")
        #expect(outcome.code == 1)
        #expect(outcome.err == "jobticket: Conflict: a company with this name exists.")
    }

    @Test func companyAPIAccessSwitches() throws {
        let op = try Operator()
        let id = try op.company(access: "disabled")
        let enable = op.run("company", "api-access", "\(id)", "enable")
        #expect(enable.code == 0)
        #expect(enable.out == "API access for company \(id) is now enabled.")
        #expect(try op.store().writeNow { try $0.company(id: Int64(id)) }?.apiAccessEnabled == true)
        let disable = op.run("company", "api-access", "\(id)", "disable", "--json")
        #expect(disable.code == 0)
        #expect(disable.json["apiAccess"] == .string("disabled"))
        #expect(disable.json["id"] == .int(id))
        #expect(try op.store().writeNow { try $0.company(id: Int64(id)) }?.apiAccessEnabled == false)
    }

    // MARK: keys

    @Test func keyCreatePrintsTheSecretOnceAndListNeverDoes() throws {
        let op = try Operator()
        let company = try op.company()
        let created = op.run("key", "create", "--company", "\(company)", "--name", "Payroll",
                             "--permissions", "view-employees,add-employees", "--rate-limit", "50", "--expires", "2024-12-31", "--json")
        #expect(created.code == 0)
        let json = created.json
        #expect(json.objectKeys == ["id", "companyId", "name", "permissions", "status", "environment", "rateLimit", "expiresAt",
                                    "createdAt", "lastUsedAt", "secret"])
        let secret = try #require(json["secret"]?.stringValue)
        #expect(secret.hasPrefix("jt_test_"))
        #expect(secret.count == 46)
        #expect((try? APIKeySecret.parse(secret).get())?.environment == .staging)
        #expect(json["companyId"] == .int(company))
        #expect(json["name"] == .string("Payroll"))
        #expect(json["permissions"] == .array([.string("add-employees"), .string("view-employees")]))
        #expect(json["status"] == .string("enabled"))
        #expect(json["environment"] == .string("staging"))
        #expect(json["rateLimit"] == .int(50))
        #expect(json["expiresAt"] == .string("2025-01-01T00:00:00Z"))
        #expect(json["createdAt"] == .string(Operator.now))
        #expect(json["lastUsedAt"] == .null)
        let keyId = try #require(json["id"]?.stringValue)
        #expect(keyId == keyId.lowercased())
        #expect(UUID(uuidString: keyId) != nil)

        let list = op.run("key", "list", "--company", "\(company)", "--json")
        #expect(list.code == 0)
        #expect(!list.out.contains(secret))
        #expect(!list.out.contains("secret"))
        let keys = try #require(list.json["keys"]?.arrayValue)
        #expect(keys.count == 1)
        #expect(keys.first?["id"] == .string(keyId))
        #expect(keys.first?.objectKeys?.contains("secret") == false)
        let text = op.run("key", "list", "--company", "\(company)")
        #expect(text.out == "\(keyId)  enabled   2 Permissions  Payroll")

        // Only its hash and sealed form are stored.
        let stored = try #require(try op.store().writeNow { try $0.apiKey(id: UUID(uuidString: keyId)!) })
        #expect(stored.secretSHA256 == Crypto.sha256(Array(secret.utf8)))
        #expect(stored.rateLimit == 50)
    }

    @Test func keyCreateInTextShowsTheSecret() throws {
        let op = try Operator()
        let company = try op.company()
        let outcome = op.run("key", "create", "--company", "\(company)", "--name", "Payroll", "--permissions", "view-employees")
        #expect(outcome.code == 0)
        let lines = outcome.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Created API key ") == true)
        #expect(lines.first?.hasSuffix(#" "Payroll" for company \#(company)."#) == true)
        let prefix = "Secret (shown once; keep it safe): "
        #expect(lines.last?.hasPrefix(prefix + "jt_test_") == true)
        #expect(lines.last.map { $0.count - prefix.count } == 46)
    }

    @Test func keyDisableEnableDelete() throws {
        let op = try Operator()
        let company = try op.company()
        let created = op.run("key", "create", "--company", "\(company)", "--name", "K", "--permissions", "view-employees", "--json")
        let keyId = try #require(created.json["id"]?.stringValue)
        let uuid = try #require(UUID(uuidString: keyId))

        let disable = op.run("key", "disable", keyId, "--json")
        #expect(disable.code == 0)
        #expect(disable.json["status"] == .string("disabled"))
        #expect(disable.json["secret"] == nil)
        #expect(try op.store().writeNow { try $0.apiKey(id: uuid) }?.status == .disabled)

        let enable = op.run("key", "enable", keyId)
        #expect(enable.code == 0)
        #expect(enable.out == "API key \(keyId) is now enabled.")
        #expect(try op.store().writeNow { try $0.apiKey(id: uuid) }?.status == .enabled)

        let delete = op.run("key", "delete", keyId.uppercased())
        #expect(delete.code == 0)
        #expect(delete.out == "API key \(keyId) is now deleted.")
        #expect(try op.store().writeNow { try $0.apiKey(id: uuid) }?.status == .deleted)
        #expect(op.run("key", "list", "--company", "\(company)").out == "No API keys.")

        for verb in ["enable", "disable", "delete"] {
            let again = op.run("key", verb, keyId)
            #expect(again.code == 1)
            #expect(again.err == "jobticket: No API key with id \(keyId).")
        }
        let unknown = op.run("key", "disable", "00000000-0000-4000-8000-000000000000")
        #expect(unknown.code == 1)
        #expect(unknown.err == "jobticket: No API key with id 00000000-0000-4000-8000-000000000000.")
    }

    // MARK: integration and documents

    @Test func integrationCreate() throws {
        let op = try Operator()
        let company = try op.company()
        let outcome = op.run("integration", "create", "--company", "\(company)", "--json")
        #expect(outcome.code == 0)
        #expect(outcome.out == #"{"id":1,"companyId":\#(company),"name":"JobTicket+ API Integration","status":"INITIAL SYNC PENDING"}"#)
        let named = op.run("integration", "create", "--company", "\(company)", "--name", "Personio")
        #expect(named.out == #"Created HR integration 2 "Personio" for company \#(company) (INITIAL SYNC PENDING)."#)
        let stored = try op.store().writeNow { try $0.hrIntegration(id: 2, companyId: Int64(company)) }
        #expect(stored?.name == "Personio")
        #expect(stored?.status == .initialSyncPending)
    }

    /// A company with one employee (inserted through the store; no command creates employees).
    private func companyWithEmployee(_ op: Operator) throws -> (company: Int64, employee: Int64) {
        let company = Int64(try op.company())
        let employee = try op.store().writeNow { tx in
            try tx.insertEmployee(Employee(id: 0, companyId: company, firstName: "Anna", lastName: "Müller", email: "anna@example.com",
                                           dateOfBirth: nil, profileImage: nil, startDate: nil, terminationDate: nil, absences: [],
                                           subscription: Subscription(startAt: CalendarDate("2024-01-01")!),
                                           plan: Plan(type: .splitPay, contractSigningStatus: .accepted,
                                                      employeeContribution: Money(cents: 2900)),
                                           createdAt: Timestamp(iso8601: Operator.now)!, updatedAt: Timestamp(iso8601: Operator.now)!))
        }
        return (company, employee.id)
    }

    @Test func documentAddStoresThePDFAndItsEvent() throws {
        let op = try Operator(["JOBTICKET_PUBLIC_URL": "https://api.example.com"])
        let (company, employee) = try companyWithEmployee(op)
        let pdf = invoicePDF("April 2024 Transit Invoice")
        let path = try op.file("invoice.pdf", pdf)
        let outcome = op.run("document", "add", "--employee", "\(employee)", "--name", "April 2024 Transit Invoice", "--file", path,
                             "--json")
        #expect(outcome.code == 0)
        #expect(outcome.out == """
            {"id":1,"employeeId":\(employee),"documentName":"April 2024 Transit Invoice","documentFileType":"pdf","downloadable":true,\
            "createdAt":"\(Operator.now)","updatedAt":"\(Operator.now)","resource":"employee-document","_links":{\
            "self":{"href":"https://api.example.com/employee-documents/1","type":"application/json"},\
            "employee":{"href":"https://api.example.com/employees/\(employee)","type":"application/json"},\
            "download":{"href":"https://api.example.com/employee-documents/1/download","type":"application/pdf"}}}
            """)
        let store = try op.store()
        #expect(try store.writeNow { try $0.documentFile(id: 1, companyId: company) } == pdf)
        let document = try store.writeNow { try $0.document(id: 1, companyId: company) }
        #expect(document?.downloadable == true)
        #expect(document?.byteCount == pdf.count)
        let events = try store.writeNow { try $0.outboxEvents(companyId: company) }
        #expect(events.map(\.type) == [OutboxEvent.documentGenerated])
        #expect(events.first.flatMap { try? JSONParser.parse(Array($0.payload.utf8)) }?["documentName"]
            == .string("April 2024 Transit Invoice"))
    }

    @Test func documentAddNotDownloadable() throws {
        let op = try Operator()
        let (company, employee) = try companyWithEmployee(op)
        let path = try op.file("contract.pdf", invoicePDF("Signed Job Ticket Contract"))
        let outcome = op.run("document", "add", "--employee", "\(employee)", "--name", "Signed Job Ticket Contract", "--file", path,
                             "--not-downloadable", "--json")
        #expect(outcome.code == 0)
        #expect(outcome.json["downloadable"] == .bool(false))
        #expect(outcome.json["_links"]?.objectKeys == ["self", "employee"])
        #expect(try op.store().writeNow { try $0.document(id: 1, companyId: company) }?.downloadable == false)
        let text = op.run("document", "add", "--employee", "\(employee)", "--name", "Second", "--file", path)
        #expect(text.out == #"Added document 2 "Second" to employee \#(employee)."#)
    }

    // MARK: bad input

    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: @Sendable (_ company: Int, _ employee: Int64, _ directory: String) -> [String]
        let code: Int32
        /// What the message (after `jobticket: `) must contain.
        let message: @Sendable (_ directory: String) -> String
        var testDescription: String { name }

        init(_ name: String, code: Int32, message: @escaping @Sendable (String) -> String,
             _ arguments: @escaping @Sendable (Int, Int64, String) -> [String]) {
            self.name = name
            self.code = code
            self.message = message
            self.arguments = arguments
        }

        init(_ name: String, code: Int32, message: String, _ arguments: @escaping @Sendable (Int, Int64, String) -> [String]) {
            self.init(name, code: code, message: { _ in message }, arguments)
        }
    }

    static let badInputs: [BadInput] = [
        BadInput("unknown company for key create", code: 1, message: "No company with id 999.") { _, _, _ in
            ["key", "create", "--company", "999", "--name", "K", "--permissions", "view-employees"]
        },
        BadInput("unknown company for key list", code: 1, message: "No company with id 999.") { _, _, _ in
            ["key", "list", "--company", "999"]
        },
        BadInput("unknown company for api-access", code: 1, message: "No company with id 999.") { _, _, _ in
            ["company", "api-access", "999", "enable"]
        },
        BadInput("unknown company for integration", code: 1, message: "No company with id 999.") { _, _, _ in
            ["integration", "create", "--company", "999"]
        },
        BadInput("unknown permission", code: 2, message: "Unknown permission 'fly-planes'.") { company, _, _ in
            ["key", "create", "--company", "\(company)", "--name", "K", "--permissions", "view-employees,fly-planes"]
        },
        BadInput("malformed expires", code: 2, message: "--expires must be a date (YYYY-MM-DD) or an ISO-8601 timestamp, got '2024-13-45'.") {
            company, _, _ in
            ["key", "create", "--company", "\(company)", "--name", "K", "--permissions", "view-employees", "--expires", "2024-13-45"]
        },
        BadInput("rate limit zero", code: 2, message: "--rate-limit") { company, _, _ in
            ["key", "create", "--company", "\(company)", "--name", "K", "--permissions", "view-employees", "--rate-limit", "0"]
        },
        BadInput("company id not a number", code: 2, message: "--company must be a positive integer, got 'abc'.") { _, _, _ in
            ["key", "list", "--company", "abc"]
        },
        BadInput("file not found", code: 1, message: { "Cannot read the file \($0)/missing.pdf" }) { _, employee, directory in
            ["document", "add", "--employee", "\(employee)", "--name", "Doc", "--file", "\(directory)/missing.pdf"]
        },
        BadInput("file not a PDF", code: 1, message: { "The file \($0)/notes.txt is not a PDF." }) { _, employee, directory in
            ["document", "add", "--employee", "\(employee)", "--name", "Doc", "--file", "\(directory)/notes.txt"]
        },
        BadInput("unknown employee", code: 1, message: "No employee with id 999.") { _, _, directory in
            ["document", "add", "--employee", "999", "--name", "Doc", "--file", "\(directory)/real.pdf"]
        },
        BadInput("missing --name", code: 2, message: "--name is required.") { _, _, _ in
            ["company", "create"]
        },
        BadInput("empty --name", code: 2, message: "--name is required.") { _, _, _ in
            ["company", "create", "--name="]
        },
        BadInput("misspelt option", code: 2, message: "Unknown option --nmae.") { _, _, _ in
            ["company", "create", "--nmae", "Acme"]
        },
        BadInput("option without value", code: 2, message: "--name needs a value.") { _, _, _ in
            ["company", "create", "--name"]
        },
        BadInput("too few positionals", code: 2, message: "Wrong number of arguments.") { company, _, _ in
            ["company", "api-access", "\(company)"]
        },
        BadInput("too many positionals", code: 2, message: "Wrong number of arguments.") { _, _, _ in
            ["key", "disable", "a", "b"]
        },
        BadInput("unknown command", code: 2, message: "Unknown command 'frobnicate'. Run 'jobticket help'.") { _, _, _ in
            ["frobnicate"]
        },
        BadInput("unknown subcommand", code: 2, message: "Unknown command 'key rotate'. Run 'jobticket help'.") { _, _, _ in
            ["key", "rotate"]
        },
        BadInput("key id not a uuid", code: 2, message: "'not-a-uuid' is not an API key id (a UUID).") { _, _, _ in
            ["key", "disable", "not-a-uuid"]
        },
        BadInput("api access maybe", code: 2, message: "--api-access must be enabled or disabled, got 'maybe'.") { _, _, _ in
            ["company", "create", "--name", "Acme", "--api-access", "maybe"]
        },
        BadInput("api-access verb maybe", code: 2, message: "The second argument must be enabled or disabled, got 'maybe'.") {
            company, _, _ in
            ["company", "api-access", "\(company)", "maybe"]
        },
        BadInput("demo too small", code: 2, message: "--employees must be at least 6 to cover every status.") { _, _, _ in
            ["demo", "--employees", "5"]
        },
    ]

    private func prepareBadInput(_ op: Operator) throws -> (Int, Int64) {
        let (company, employee) = try companyWithEmployee(op)
        _ = try op.file("notes.txt", Array("just some notes".utf8))
        _ = try op.file("real.pdf", invoicePDF("Real"))
        return (Int(company), employee)
    }

    @Test(arguments: badInputs)
    func badInputFailsWithCodeAndMessage(_ input: BadInput) throws {
        let op = try Operator()
        let (company, employee) = try prepareBadInput(op)
        let outcome = op.run(input.arguments(company, employee, op.directory.path))
        #expect(outcome.code == input.code)
        #expect(outcome.out == "")
        #expect(outcome.err.hasPrefix("jobticket: "))
        #expect(outcome.err.contains(input.message(op.directory.path)))
    }

    /// Every bad input but the one the argument parser itself rejects (see `parseErrorWithJSONIsAnErrorObject`).
    static let badInputsAfterParsing = badInputs.filter { $0.name != "option without value" }

    @Test(arguments: badInputsAfterParsing)
    func badInputWithJSONReportsAnErrorObjectOnStderr(_ input: BadInput) throws {
        let op = try Operator()
        let (company, employee) = try prepareBadInput(op)
        // `--json` first: a trailing one would be taken as the value of "option without value" (see below).
        let outcome = op.run(["--json"] + input.arguments(company, employee, op.directory.path))
        #expect(outcome.code == input.code)
        #expect(outcome.out == "")
        #expect(outcome.errorJSON.objectKeys == ["error"])
        #expect(outcome.errorJSON["error"]?.stringValue?.contains(input.message(op.directory.path)) == true)
    }

    /// Even when the argument parser itself fails, `--json` makes the error a JSON object.
    @Test func parseErrorWithJSONIsAnErrorObject() throws {
        let op = try Operator()
        let outcome = op.run("--json", "company", "create", "--name")
        #expect(outcome.code == 2)
        #expect(outcome.out == "")
        #expect(outcome.err == #"{"error":"--name needs a value."}"#)
    }

    /// A switch where an option's value is expected is a usage error, never the value: no
    /// company named "--json" is created.
    @Test func aSwitchIsNotTakenAsAnOptionValue() throws {
        let op = try Operator()
        let outcome = op.run("company", "create", "--name", "--json")
        let swallowed = try op.store().writeNow { try $0.company(named: "--json") }
        #expect(outcome.code == 2)
        #expect(outcome.err == #"{"error":"--name needs a value."}"#)
        #expect(swallowed == nil)
    }

    @Test func failedCommandsWriteNothing() throws {
        let op = try Operator()
        let company = try op.company()
        _ = op.run("key", "create", "--company", "\(company)", "--name", "K", "--permissions", "nope")
        _ = op.run("key", "create", "--company", "\(company)", "--name", "K", "--permissions", "view-employees", "--expires", "soon")
        #expect(try op.store().writeNow { try $0.apiKeys(companyId: Int64(company)) }.isEmpty)
    }

    @Test func noCommandPrintsHelpToStderrWithUsageExit() throws {
        let op = try Operator()
        let outcome = op.run([])
        #expect(outcome.code == 2)
        #expect(outcome.out == "")
        #expect(outcome.err == CommandLineInterface.help)
    }

    // MARK: help

    static let commands: [[String]] = [
        ["serve"], ["migrate"], ["demo"], ["company", "create"], ["company", "api-access"], ["key", "create"], ["key", "list"],
        ["key", "disable"], ["key", "enable"], ["key", "delete"], ["integration", "create"], ["document", "add"],
    ]

    @Test(arguments: commands)
    func helpPrintsUsageAndExitsZero(_ words: [String]) throws {
        let op = try Operator()
        let outcome = op.run(words + ["--help"])
        #expect(outcome.code == 0)
        #expect(outcome.err == "")
        let firstLine = outcome.out.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("Usage: jobticket "))
        #expect(firstLine.contains(words.joined(separator: " ")) || (words.first == "key" && firstLine.contains("disable|enable|delete")))
        // Help does not open the deployment.
        #expect(!FileManager.default.fileExists(atPath: op.databasePath))
    }

    @Test func helpCommandPrintsTheOverview() throws {
        let op = try Operator()
        let outcome = op.run("help")
        #expect(outcome.code == 0)
        #expect(outcome.out == CommandLineInterface.help)
        #expect(outcome.out.hasPrefix("Usage: jobticket <command> [options]"))
    }

    // MARK: demo

    @Test func demoTwiceGivesTheSameCompanyAndCredentials() throws {
        let op = try Operator()
        let first = op.run("demo", "--json")
        #expect(first.code == 0)
        #expect(first.json.objectKeys == ["companyId", "apiKeyId", "apiKeySecret", "hrIntegrationId", "employees", "publicURL", "curl"])
        let second = op.run("demo", "--json")
        #expect(second.code == 0)
        for key in ["companyId", "apiKeyId", "apiKeySecret", "hrIntegrationId", "employees"] {
            #expect(first.json[key] != nil)
            #expect(first.json[key] == second.json[key], "\(key)")
        }
        #expect((first.json["employees"]?.intValue ?? 0) >= 6)
        #expect(first.json["employees"] == .int(12))
        let secret = try #require(first.json["apiKeySecret"]?.stringValue)
        #expect(secret.hasPrefix("jt_test_"))
        #expect(secret.count == 46)
        #expect(first.json["publicURL"] == .string("http://localhost:8080"))
    }

    @Test func demoEmployeesCoverEveryStatusAndPlanAtTheClocksToday() throws {
        let op = try Operator()
        let outcome = op.run("demo", "--json")
        let companyId = Int64(try #require(outcome.json["companyId"]?.intValue))
        let store = try op.store()
        let page = try store.writeNow {
            try $0.employees(companyId: companyId, filter: EmployeeFilter(), sorting: Sorting(field: .id, order: .asc),
                             page: PageRequest(page: 1, perPage: 100), today: Operator.today)
        }
        #expect(page.total == 12)
        #expect(Set(page.items.map { $0.status(on: Operator.today) }) == Set(SubscriptionStatus.allCases))
        #expect(Set(page.items.map(\.plan.type)) == Set(PlanType.allCases))
        for status in SubscriptionStatus.allCases {
            let filtered = try store.writeNow {
                try $0.employees(companyId: companyId, filter: EmployeeFilter(statuses: [status]), sorting: Sorting(field: .id, order: .asc),
                                 page: PageRequest(page: 1, perPage: 100), today: Operator.today)
            }
            #expect(filtered.total == 2, "\(status)")
        }
        let company = try store.writeNow { try $0.company(id: companyId) }
        #expect(company?.apiAccessEnabled == true)
        let keys = try store.writeNow { try $0.apiKeys(companyId: companyId) }
        #expect(keys.map(\.permissions) == [Set(Permission.allCases)])
        let documents = try store.writeNow {
            try $0.documents(companyId: companyId, employeeId: nil, sorting: Sorting(field: .id, order: .asc),
                             page: PageRequest(page: 1, perPage: 100))
        }
        #expect(documents.total > 0)
        for document in documents.items {
            let bytes = try store.writeNow { try $0.documentFile(id: document.id, companyId: companyId) }
            #expect(bytes?.starts(with: Array("%PDF-".utf8)) == true)
        }
    }

    @Test func demoWithADisabledKeyIssuesANewOne() throws {
        let op = try Operator()
        let first = op.run("demo", "--json")
        let keyId = try #require(first.json["apiKeyId"]?.stringValue)
        #expect(op.run("key", "disable", keyId).code == 0)
        let second = op.run("demo", "--json")
        #expect(second.code == 0)
        #expect(second.json["apiKeyId"] != .string(keyId))
        #expect(second.json["apiKeySecret"] != first.json["apiKeySecret"])
        #expect(second.json["companyId"] == first.json["companyId"])
    }

    // MARK: secrets at rest and the master key

    @Test func generatedSecretsNeverAppearInTheDatabaseFiles() throws {
        let op = try Operator()
        let company = try op.company()
        var secrets: [String] = []
        for name in ["One", "Two"] {
            let outcome = op.run("key", "create", "--company", "\(company)", "--name", name, "--permissions", "view-employees", "--json")
            secrets.append(try #require(outcome.json["secret"]?.stringValue))
        }
        let demo = op.run("demo", "--json")
        secrets.append(try #require(demo.json["apiKeySecret"]?.stringValue))
        let files = [op.databasePath, op.databasePath + "-wal", op.databasePath + "-journal"]
            .filter { FileManager.default.fileExists(atPath: $0) }
        #expect(files.contains(op.databasePath))
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.count > 0)
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds a secret in plaintext")
                // The random part alone must not be there either.
                #expect(bytes.range(of: Data(secret.dropFirst(8).prefix(32).utf8)) == nil)
            }
        }
    }

    @Test func stagingGeneratesAPrivateMasterKeyFileAndReusesIt() throws {
        let op = try Operator()
        #expect(op.run("migrate").code == 0)
        let path = op.directory.path + "/master.key"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        #expect(Data(base64Encoded: text.trimmingCharacters(in: .newlines))?.count == 32)
        // The demo key's secret can be revealed again by a later process: same key file.
        let first = op.run("demo", "--json")
        let second = op.run("demo", "--json")
        #expect(first.json["apiKeySecret"] == second.json["apiKeySecret"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func explicitMasterKeyCreatesNoKeyFile() throws {
        let op = try Operator(["JOBTICKET_MASTER_KEY": masterKey])
        #expect(op.run("migrate").code == 0)
        #expect(!FileManager.default.fileExists(atPath: op.directory.path + "/master.key"))
    }

    @Test func productionWithoutMasterKeyFails() throws {
        let op = try Operator()
        op.environment = ["JOBTICKET_DATABASE": op.environment["JOBTICKET_DATABASE"]!, "JOBTICKET_ENVIRONMENT": "production"]
        let outcome = op.run("migrate")
        #expect(outcome.code == 2)
        #expect(outcome.out == "")
        #expect(outcome.err.contains("JOBTICKET_MASTER_KEY"))
        #expect(!FileManager.default.fileExists(atPath: op.directory.path + "/master.key"))
    }

    @Test func productionKeysAreLive() throws {
        let op = try Operator()
        op.environment = ["JOBTICKET_DATABASE": op.environment["JOBTICKET_DATABASE"]!, "JOBTICKET_ENVIRONMENT": "production",
                          "JOBTICKET_MASTER_KEY": masterKey]
        let company = try op.company()
        let outcome = op.run("key", "create", "--company", "\(company)", "--name", "Live", "--permissions", "view-employees", "--json")
        #expect(outcome.code == 0)
        #expect(outcome.json["environment"] == .string("production"))
        #expect(outcome.json["secret"]?.stringValue?.hasPrefix("jt_live_") == true)
    }

    @Test(arguments: ["not base64!", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==", "AAECAwQFBgcICQoLDA0ODw=="])
    func badMasterKeyFailsNamingIt(_ value: String) throws {
        let op = try Operator(["JOBTICKET_MASTER_KEY": value])
        let outcome = op.run("migrate", "--json")
        #expect(outcome.code == 2)
        #expect(outcome.out == "")
        #expect(outcome.errorJSON["error"]?.stringValue?.hasPrefix("JOBTICKET_MASTER_KEY") == true)
    }

    @Test func corruptMasterKeyFileFailsNamingIt() throws {
        let op = try Operator()
        try Data("garbage\n".utf8).write(to: op.directory.appendingPathComponent("master.key"))
        let outcome = op.run("migrate")
        #expect(outcome.code == 2)
        #expect(outcome.err.contains("JOBTICKET_MASTER_KEY"))
        #expect(outcome.err.contains("master.key"))
    }
}

@Suite struct IntegrationAdminCommandTests {
    @Test func disableEnableAndThreshold() throws {
        let op = try Operator()
        let company = try op.company()
        let created = op.run("integration", "create", "--company", "\(company)", "--json")
        let id = try #require(created.json["id"]?.intValue)

        let disabled = op.run("integration", "disable", "\(id)", "--json")
        #expect(disabled.code == 0)
        #expect(disabled.json["status"] == .string("DISABLED"))
        let stored = try op.store().writeNow { try $0.hrIntegration(id: Int64(id)) }
        #expect(stored?.status == .disabled)

        // Never synced: enabling returns it to INITIAL SYNC PENDING, not ACTIVE.
        let enabled = op.run("integration", "enable", "\(id)", "--json")
        #expect(enabled.json["status"] == .string("INITIAL SYNC PENDING"))

        let threshold = op.run("integration", "threshold", "\(id)", "80")
        #expect(threshold.code == 0)
        #expect(threshold.out == "HR integration \(id) is INITIAL SYNC PENDING; mass-offboarding threshold 80 %.")
        #expect(try op.store().writeNow { try $0.hrIntegration(id: Int64(id)) }?.offboardingThresholdPercent == 80)

        let audit = try op.store().writeNow { try $0.auditEvents(limit: 3) }.map(\.action)
        #expect(audit == ["hr-integration.threshold", "hr-integration.enable", "hr-integration.disable"])
    }

    @Test(arguments: [
        (["integration", "disable", "99"], Int32(1), "jobticket: No HR integration with id 99."),
        (["integration", "enable", "x"], Int32(2), "jobticket: INTEGRATION_ID must be a positive integer, got 'x'."),
        (["integration", "threshold", "1", "0"], Int32(2), "jobticket: PERCENT must be an integer from 1 to 100, got '0'."),
        (["integration", "threshold", "1"], Int32(2), "jobticket: Wrong number of arguments."),
    ])
    func badInput(_ arguments: [String], _ code: Int32, _ message: String) throws {
        let op = try Operator()
        let outcome = op.run(arguments)
        #expect(outcome.code == code)
        #expect(outcome.err.hasPrefix(message))
    }
}
