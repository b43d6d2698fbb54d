import Foundation
import HTTPServer
import JobTicketAPI
import JobTicketCore

/// `jobticket serve`: runs the HTTP server until SIGTERM or SIGINT, then drains and exits 0.
struct ServeCommand {
    static let help = """
        Usage: jobticket serve [--<setting> VALUE ...]

        Runs the JobTicket API server. Every setting is read from its JOBTICKET_* variable and
        can be overridden by a flag of the same name in kebab case (JOBTICKET_PORT → --port).
        On SIGTERM or SIGINT it stops accepting connections, lets in-flight requests finish
        (at most JOBTICKET_SHUTDOWN_GRACE seconds) and exits 0.

        Settings:
        \(ServerConfiguration.variables.map { "  --\(SettingsSource.flagName($0.name)) (\($0.name), default \($0.defaultValue)): \($0.meaning)" }.joined(separator: "\n"))
        """

    let terminal: Terminal

    func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        try arguments.rejectUnknownOptions(allowed: ServerConfiguration.flagNames)
        let configuration = try ServerConfiguration(SettingsSource(environment: environment, flags: arguments.options))
        // Block the signals before any thread exists, so every thread inherits the mask and
        // only `sigwait` below ever sees them.
        let signals = SignalSet([SIGTERM, SIGINT])
        signals.block()

        let logger = Logger(level: configuration.logLevel, format: configuration.logFormat)
        let deployment = try Deployment.open(configuration)
        let application = ApplicationBuilder(deployment: deployment, logger: logger).build()
        let server: MicroHTTPDServer
        do {
            server = try MicroHTTPDServer(
                configuration: HTTPServerConfiguration(
                    host: configuration.host, port: configuration.port, threadPoolSize: configuration.threads,
                    connectionLimit: configuration.connectionLimit, perIPConnectionLimit: configuration.perIPConnectionLimit,
                    idleTimeoutSeconds: configuration.idleTimeoutSeconds, connectionMemoryLimit: configuration.headerMemory,
                    shutdownGraceSeconds: configuration.shutdownGraceSeconds,
                    bodyLimit: { method, path in application.bodyLimit(method: method, path: path) },
                    bodyMemoryBudget: configuration.bodyMemoryBudget, admission: { application.admit($0) }),
                responder: application,
                errorResponse: { error, request in application.transportErrorResponse(error, request: request) })
        } catch {
            throw CommandError.failed(String(describing: error))
        }
        logger.info("listening", [
            ("host", .string(configuration.host)), ("port", .int(Int(server.port))),
            ("environment", .string(configuration.environment.rawValue)), ("publicURL", .string(configuration.publicURL)),
        ])
        let signal = signals.wait()
        logger.info("shutting down", [("signal", .int(Int(signal))), ("inFlight", .int(server.inFlightRequests))])
        let drained = server.shutdown()
        logger.info("stopped", [("drained", .bool(drained))])
        return 0
    }
}
