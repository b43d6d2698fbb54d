/// Every route of the B2B API (spec §7), public ones included.
public enum APIRoutes {
    public static func all(_ services: APIServices) -> [Route] {
        SystemRoutes.routes(publicURL: services.links.publicURL)
            + EmployeeHandlers(services: services).routes
            + DocumentHandlers(services: services).routes
            + HRIntegrationHandlers(services: services).routes
            + SyncHandlers(services: services).routes
    }
}
