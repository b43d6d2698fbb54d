import JobTicketApp
import JobTicketCore
import Synchronization
import Testing

private func configuration(_ environment: [String: String] = [:], flags: [String: String] = [:]) throws -> ServerConfiguration {
    try ServerConfiguration(SettingsSource(environment: environment, flags: flags))
}

private func configurationError(_ environment: [String: String], flags: [String: String] = [:]) -> ConfigurationError? {
    do {
        _ = try ServerConfiguration(SettingsSource(environment: environment, flags: flags))
        return nil
    } catch {
        return error
    }
}

private let masterKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="

/// One bad setting and the variable the error must name.
struct BadSetting: Sendable, CustomTestStringConvertible {
    let environment: [String: String]
    let flags: [String: String]
    let variable: String

    init(_ variable: String, _ value: String, asFlag: Bool = false) {
        self.variable = variable
        if asFlag {
            environment = [:]
            flags = [SettingsSource.flagName(variable): value]
        } else {
            environment = [variable: value]
            flags = [:]
        }
    }

    var testDescription: String {
        flags.isEmpty ? "\(environment)" : "flags \(flags)"
    }
}

@Suite struct ServerConfigurationTests {
    @Test func defaultsMatchTheDocumentedTable() throws {
        let config = try configuration()
        let actual: [String: String] = [
            "JOBTICKET_HOST": config.host,
            "JOBTICKET_PORT": String(config.port),
            "JOBTICKET_DATABASE": config.database == DatabaseLocation("sqlite:./data/jobticket.sqlite") ? "sqlite:./data/jobticket.sqlite" : "?",
            "JOBTICKET_ENVIRONMENT": config.environment.rawValue,
            "JOBTICKET_PUBLIC_URL": config.publicURL.replacingPort(config.port),
            "JOBTICKET_MASTER_KEY": config.masterKey ?? "<data dir>/master.key on staging",
            "JOBTICKET_RATE_LIMIT": String(config.rateLimit),
            "JOBTICKET_RATE_LIMIT_BLOCK_SECONDS": String(config.rateLimitBlockSeconds),
            "JOBTICKET_AUTH_FAILURE_LIMIT": String(config.authFailureLimit),
            "JOBTICKET_KEY_CACHE_SECONDS": String(config.keyCacheSeconds),
            "JOBTICKET_BODY_MEMORY": String(config.bodyMemoryBudget),
            "JOBTICKET_TRUSTED_PROXIES": config.trustedProxies.isEmpty ? "none" : config.trustedProxies.sorted().joined(separator: ","),
            "JOBTICKET_LOG_LEVEL": config.logLevel.rawValue,
            "JOBTICKET_LOG_FORMAT": config.logFormat.rawValue,
            "JOBTICKET_NOW": config.now?.description ?? "unset",
            "JOBTICKET_THREADS": String(config.threads),
            "JOBTICKET_CONNECTION_LIMIT": String(config.connectionLimit),
            "JOBTICKET_PER_IP_CONNECTION_LIMIT": String(config.perIPConnectionLimit),
            "JOBTICKET_IDLE_TIMEOUT": String(config.idleTimeoutSeconds),
            "JOBTICKET_HEADER_MEMORY": String(config.headerMemory),
            "JOBTICKET_BODY_LIMIT": String(config.bodyLimit),
            "JOBTICKET_SYNC_BODY_LIMIT": String(config.syncBodyLimit),
            "JOBTICKET_SHUTDOWN_GRACE": String(Int(config.shutdownGraceSeconds)),
        ]
        #expect(Set(ServerConfiguration.variables.map(\.name)) == Set(actual.keys))
        #expect(ServerConfiguration.variables.count == actual.count)
        for variable in ServerConfiguration.variables {
            #expect(actual[variable.name] == variable.defaultValue, "\(variable.name)")
        }
    }

    @Test func defaultsMatchTheDesignDocument() throws {
        let config = try configuration()
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database == .sqlite(path: "./data/jobticket.sqlite"))
        #expect(config.environment == .staging)
        #expect(config.publicURL == "http://localhost:8080")
        #expect(config.masterKey == nil)
        #expect(config.rateLimit == 100)
        #expect(config.rateLimitBlockSeconds == 300)
        #expect(config.logLevel == .info)
        #expect(config.logFormat == .json)
        #expect(config.now == nil)
        #expect(config.shutdownGraceSeconds == 10)
    }

    @Test func environmentVariablesAreRead() throws {
        let config = try configuration([
            "JOBTICKET_HOST": "0.0.0.0", "JOBTICKET_PORT": "9000", "JOBTICKET_DATABASE": "sqlite:/var/lib/jt/db.sqlite",
            "JOBTICKET_ENVIRONMENT": "production", "JOBTICKET_MASTER_KEY": masterKey, "JOBTICKET_RATE_LIMIT": "5",
            "JOBTICKET_LOG_LEVEL": "debug", "JOBTICKET_LOG_FORMAT": "text", "JOBTICKET_SHUTDOWN_GRACE": "0",
            "UNRELATED": "ignored",
        ])
        #expect(config.host == "0.0.0.0")
        #expect(config.port == 9000)
        #expect(config.database == .sqlite(path: "/var/lib/jt/db.sqlite"))
        #expect(config.database.dataDirectory == "/var/lib/jt")
        #expect(config.environment == .production)
        #expect(config.masterKey == masterKey)
        #expect(config.rateLimit == 5)
        #expect(config.logLevel == .debug)
        #expect(config.logFormat == .text)
        #expect(config.shutdownGraceSeconds == 0)
        #expect(config.publicURL == "http://localhost:9000")
    }

    @Test func flagsOverrideTheEnvironment() throws {
        let config = try configuration(
            ["JOBTICKET_PORT": "9000", "JOBTICKET_LOG_LEVEL": "debug", "JOBTICKET_RATE_LIMIT_BLOCK_SECONDS": "60"],
            flags: ["port": "9001", "rate-limit-block-seconds": "120"])
        #expect(config.port == 9001)
        #expect(config.rateLimitBlockSeconds == 120)
        #expect(config.logLevel == .debug)
        #expect(config.publicURL == "http://localhost:9001")
    }

    @Test func anEmptyVariableCountsAsUnset() throws {
        let config = try configuration(["JOBTICKET_PORT": "", "JOBTICKET_NOW": "", "JOBTICKET_LOG_LEVEL": ""])
        #expect(config.port == 8080)
        #expect(config.now == nil)
        #expect(config.logLevel == .info)
        // An empty flag is still a value, and a bad one.
        #expect(configurationError([:], flags: ["port": ""])?.variable == "--port (JOBTICKET_PORT)")
    }

    @Test func aBadFlagIsNamedAsAFlagAndAsAVariable() {
        let error = configurationError(["JOBTICKET_PORT": "9000"], flags: ["port": "abc"])
        #expect(error?.variable == "--port (JOBTICKET_PORT)")
        #expect(error?.description == "--port (JOBTICKET_PORT): 'abc' is not valid; expected an integer from 1 to 65535.")
    }

    @Test func aBadVariableIsNamed() {
        let error = configurationError(["JOBTICKET_PORT": "abc"])
        #expect(error?.variable == "JOBTICKET_PORT")
        #expect(error?.description == "JOBTICKET_PORT: 'abc' is not valid; expected an integer from 1 to 65535.")
    }

    static let badSettings: [BadSetting] = [
        BadSetting("JOBTICKET_PORT", "abc"), BadSetting("JOBTICKET_PORT", "0"), BadSetting("JOBTICKET_PORT", "65536"),
        BadSetting("JOBTICKET_PORT", "80.5"), BadSetting("JOBTICKET_PORT", "abc", asFlag: true),
        BadSetting("JOBTICKET_HOST", "localhost"), BadSetting("JOBTICKET_DATABASE", "postgres://db/jobticket"),
        BadSetting("JOBTICKET_DATABASE", "sqlite:"),
        BadSetting("JOBTICKET_ENVIRONMENT", "prod"), BadSetting("JOBTICKET_ENVIRONMENT", "Production"),
        BadSetting("JOBTICKET_ENVIRONMENT", "dev", asFlag: true),
        BadSetting("JOBTICKET_LOG_LEVEL", "verbose"), BadSetting("JOBTICKET_LOG_LEVEL", "INFO"),
        BadSetting("JOBTICKET_LOG_FORMAT", "xml"),
        BadSetting("JOBTICKET_PUBLIC_URL", "ftp://x"), BadSetting("JOBTICKET_PUBLIC_URL", "api.example.com"),
        BadSetting("JOBTICKET_PUBLIC_URL", "http://"), BadSetting("JOBTICKET_PUBLIC_URL", "https://x.test/?a=1"),
        BadSetting("JOBTICKET_PUBLIC_URL", "https://x.test#top"), BadSetting("JOBTICKET_PUBLIC_URL", "ftp://x", asFlag: true),
        BadSetting("JOBTICKET_NOW", "yesterday"), BadSetting("JOBTICKET_NOW", "2024-05-10"),
        BadSetting("JOBTICKET_NOW", "2024-02-30T00:00:00Z"),
        BadSetting("JOBTICKET_RATE_LIMIT", "0"), BadSetting("JOBTICKET_RATE_LIMIT_BLOCK_SECONDS", "-1"),
        BadSetting("JOBTICKET_THREADS", "0"), BadSetting("JOBTICKET_HEADER_MEMORY", "1024"),
        BadSetting("JOBTICKET_BODY_LIMIT", "ten"), BadSetting("JOBTICKET_SHUTDOWN_GRACE", "3601"),
    ]

    @Test(arguments: badSettings)
    func badValuesNameTheirVariable(_ bad: BadSetting) throws {
        let error = try #require(configurationError(bad.environment, flags: bad.flags))
        #expect(error.variable.contains(bad.variable))
        #expect(error.description.hasPrefix(error.variable + ": '"))
        #expect(error.description.contains("is not valid; expected"))
    }

    @Test(arguments: ["a.b.c.d", "999.0.0.1", "localhost.localdomain.example.com", "not:an:address"])
    func hostMustBeANumericAddress(_ host: String) {
        let error = configurationError(["JOBTICKET_HOST": host])
        #expect(error?.variable == "JOBTICKET_HOST")
    }

    @Test func productionRequiresAMasterKey() {
        let error = configurationError(["JOBTICKET_ENVIRONMENT": "production"])
        #expect(error == ConfigurationError(variable: "JOBTICKET_MASTER_KEY",
                                            message: "is required when JOBTICKET_ENVIRONMENT is production"))
        #expect(error?.description.contains("JOBTICKET_MASTER_KEY") == true)
        #expect(configurationError(["JOBTICKET_ENVIRONMENT": "production", "JOBTICKET_MASTER_KEY": masterKey]) == nil)
        #expect(configurationError([:], flags: ["environment": "production", "master-key": masterKey]) == nil)
    }

    @Test func stagingMayFixNow() throws {
        let config = try configuration(["JOBTICKET_NOW": "2024-05-14T08:00:00+02:00"])
        #expect(config.now?.description == "2024-05-14T06:00:00Z")
    }

    @Test func productionRefusesAFixedNow() {
        let error = configurationError([
            "JOBTICKET_ENVIRONMENT": "production", "JOBTICKET_MASTER_KEY": masterKey, "JOBTICKET_NOW": "2024-05-14T06:00:00Z",
        ])
        #expect(error?.variable == "JOBTICKET_NOW")
        #expect(error?.description.contains("JOBTICKET_NOW") == true)
    }

    @Test(arguments: [
        ([:], "http://localhost:8080"),
        (["JOBTICKET_PORT": "9123"], "http://localhost:9123"),
        (["JOBTICKET_PUBLIC_URL": "https://api.example.com"], "https://api.example.com"),
        (["JOBTICKET_PUBLIC_URL": "https://api.example.com/"], "https://api.example.com"),
        (["JOBTICKET_PUBLIC_URL": "https://api.example.com/base//"], "https://api.example.com/base"),
        (["JOBTICKET_PUBLIC_URL": "http://10.0.0.5:8080/jt"], "http://10.0.0.5:8080/jt"),
    ] as [([String: String], String)])
    func publicURL(_ environment: [String: String], _ expected: String) throws {
        #expect(try configuration(environment).publicURL == expected)
    }

    @Test func flagNamesAreKebabCase() {
        #expect(SettingsSource.flagName("JOBTICKET_PORT") == "port")
        #expect(SettingsSource.flagName("JOBTICKET_RATE_LIMIT_BLOCK_SECONDS") == "rate-limit-block-seconds")
        #expect(SettingsSource.flagName("JOBTICKET_PER_IP_CONNECTION_LIMIT") == "per-ip-connection-limit")
        let source = SettingsSource(environment: ["JOBTICKET_PORT": "1"], flags: ["port": "2"])
        #expect(source.raw("JOBTICKET_PORT")?.value == "2")
        #expect(source.raw("JOBTICKET_PORT")?.name == "--port (JOBTICKET_PORT)")
        #expect(SettingsSource(environment: ["JOBTICKET_PORT": "1"]).raw("JOBTICKET_PORT")?.name == "JOBTICKET_PORT")
        #expect(source.raw("JOBTICKET_HOST") == nil)
    }
}

@Suite struct ParsedArgumentsTests {
    @Test func splitsPositionalsOptionsAndSwitches() throws {
        let parsed = try ParsedArguments(["key", "create", "--name", "CI key", "--permissions=a,b", "--json", "extra", "-h"])
        #expect(parsed.positional == ["key", "create", "extra"])
        #expect(parsed.options == ["name": "CI key", "permissions": "a,b"])
        #expect(parsed.switches == ["json", "help"])
        #expect(parsed.wantsJSON)
        #expect(parsed.wantsHelp)
    }

    @Test func equalsFormKeepsEverythingAfterTheFirstEquals() throws {
        let parsed = try ParsedArguments(["--public-url=http://x/?a=b", "--empty="])
        #expect(parsed.options == ["public-url": "http://x/?a=b", "empty": ""])
        #expect(parsed.positional == [])
    }

    @Test func switchesTakeNoValue() throws {
        let parsed = try ParsedArguments(["--not-downloadable", "file.pdf", "--help"])
        #expect(parsed.switches == ["not-downloadable", "help"])
        #expect(parsed.positional == ["file.pdf"])
        #expect(parsed.options.isEmpty)
        #expect(!parsed.wantsJSON)
    }

    @Test func aLaterOptionReplacesAnEarlierOne() throws {
        #expect(try ParsedArguments(["--port", "1", "--port=2"]).options == ["port": "2"])
    }

    @Test func bareDoubleDashAndSingleDashWordsArePositional() throws {
        let parsed = try ParsedArguments(["--", "-x"])
        #expect(parsed.positional == ["--", "-x"])
    }

    @Test func aMissingValueIsAUsageError() {
        #expect(throws: CommandError.usage("--port needs a value.")) {
            try ParsedArguments(["serve", "--port"])
        }
        #expect(CommandError.usage("x").exitCode == 2)
        #expect(CommandError.failed("x").exitCode == 1)
    }

    @Test func rejectUnknownOptions() throws {
        let parsed = try ParsedArguments(["--port", "1", "--zeta", "2", "--alpha=3", "--json", "--help"])
        #expect(throws: CommandError.usage("Unknown option --alpha.")) {
            try parsed.rejectUnknownOptions(allowed: ["port"])
        }
        #expect(throws: CommandError.usage("Unknown option --zeta.")) {
            try parsed.rejectUnknownOptions(allowed: ["port", "alpha"])
        }
        try parsed.rejectUnknownOptions(allowed: ["port", "alpha", "zeta"])

        let withSwitch = try ParsedArguments(["--not-downloadable"])
        #expect(throws: CommandError.usage("Unknown option --not-downloadable.")) {
            try withSwitch.rejectUnknownOptions(allowed: [])
        }
        try withSwitch.rejectUnknownOptions(allowed: ["not-downloadable"])
    }

    @Test func requiredOptions() throws {
        let parsed = try ParsedArguments(["--name", "Acme", "--empty="])
        #expect(try parsed.required("name") == "Acme")
        #expect(throws: CommandError.usage("--empty is required.")) { try parsed.required("empty") }
        #expect(throws: CommandError.usage("--company is required.")) { try parsed.required("company") }
    }
}

/// Captures what a command writes.
private final class CapturedTerminal: Sendable {
    private let outLines = Mutex<[String]>([])
    private let errLines = Mutex<[String]>([])
    var out: String { outLines.withLock { $0.joined(separator: "\n") } }
    var err: String { errLines.withLock { $0.joined(separator: "\n") } }

    var terminal: Terminal {
        Terminal(out: { line in self.outLines.withLock { $0.append(line) } },
                 err: { line in self.errLines.withLock { $0.append(line) } })
    }
}

private func run(_ arguments: [String], environment: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
    let captured = CapturedTerminal()
    let code = CommandLineInterface(terminal: captured.terminal).run(arguments, environment: environment)
    return (code, captured.out, captured.err)
}

@Suite struct CommandLineInterfaceTests {
    @Test func serveWithABadPortFailsNamingTheVariable() {
        let result = run(["serve", "--port", "abc"])
        #expect(result.code == 2)
        #expect(result.out == "")
        #expect(result.err == "jobticket: --port (JOBTICKET_PORT): 'abc' is not valid; expected an integer from 1 to 65535.")
    }

    @Test func serveWithABadPortVariableFailsNamingIt() {
        let result = run(["serve"], environment: ["JOBTICKET_PORT": "abc"])
        #expect(result.code != 0)
        #expect(result.err.contains("JOBTICKET_PORT"))
        #expect(result.err.hasPrefix("jobticket: JOBTICKET_PORT: "))
    }

    @Test func serveOnProductionWithoutAKeyFails() {
        let result = run(["serve", "--environment", "production"])
        #expect(result.code == 2)
        #expect(result.err.contains("JOBTICKET_MASTER_KEY"))
    }

    @Test func serveRejectsUnknownOptions() {
        let result = run(["serve", "--prot", "9000"])
        #expect(result.code == 2)
        #expect(result.err == "jobticket: Unknown option --prot.")
    }

    @Test func serveWithAMissingValueIsAUsageError() {
        let result = run(["serve", "--port"])
        #expect(result.code == 2)
        #expect(result.err == "jobticket: --port needs a value.")
    }

    @Test func serveHelpListsEverySetting() {
        let result = run(["serve", "--help"])
        #expect(result.code == 0)
        #expect(result.err == "")
        #expect(result.out.contains("--port (JOBTICKET_PORT, default 8080)"))
        for variable in ServerConfiguration.variables {
            #expect(result.out.contains("--\(SettingsSource.flagName(variable.name)) (\(variable.name), default \(variable.defaultValue))"))
        }
    }

    @Test func unknownCommandIsAUsageError() {
        let result = run(["frobnicate"])
        #expect(result.code == 2)
        #expect(result.out == "")
        #expect(result.err == "jobticket: Unknown command 'frobnicate'. Run 'jobticket help'.")
    }

    @Test func helpPrintsTheUsage() {
        let result = run(["help"])
        #expect(result.code == 0)
        #expect(result.out == CommandLineInterface.help)
        #expect(result.out.hasPrefix("Usage: jobticket <command> [options]"))
        #expect(result.err == "")
    }

    @Test func noCommandPrintsTheUsageToStandardError() {
        let result = run([])
        #expect(result.code == 2)
        #expect(result.out == "")
        #expect(result.err == CommandLineInterface.help)
    }
}

private extension String {
    /// `http://localhost:8080` → `http://localhost:<port>` when the port is `port`.
    func replacingPort(_ port: UInt16) -> String {
        hasSuffix(":\(port)") ? String(dropLast(String(port).count)) + "<port>" : self
    }
}
