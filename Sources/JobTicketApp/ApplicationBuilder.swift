import JobTicketAPI
import JobTicketCore

/// Wires an opened deployment into the HTTP application. Tests build through it too.
public struct ApplicationBuilder: Sendable {
    public let deployment: Deployment
    public let logger: Logger

    public init(deployment: Deployment, logger: Logger) {
        self.deployment = deployment
        self.logger = logger
    }

    public func build() -> Application {
        var router = Router()
        for route in SystemRoutes.routes() { router.add(route) }
        let configuration = deployment.configuration
        return Application(router: router, publicURL: configuration.publicURL, logger: logger, clock: deployment.clock,
                           requestIds: .ulid(clock: .system), defaultBodyLimit: configuration.bodyLimit)
    }
}
