import JobTicketAPI
import JobTicketCore

/// Wires configuration and dependencies into the HTTP application. Tests build through it too.
public struct ApplicationBuilder: Sendable {
    public let configuration: ServerConfiguration
    public let logger: Logger
    public let clock: Clock

    public init(configuration: ServerConfiguration, logger: Logger, clock: Clock? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.clock = clock ?? configuration.now.map(Clock.fixed) ?? .system
    }

    public func build() -> Application {
        var router = Router()
        for route in SystemRoutes.routes() { router.add(route) }
        return Application(router: router, publicURL: configuration.publicURL, logger: logger, clock: clock,
                           requestIds: .ulid(clock: .system), defaultBodyLimit: configuration.bodyLimit)
    }
}
