/// The sort fields of List HR Integrations (spec §7).
public enum HRIntegrationSortField: String, Sendable, CaseIterable {
    case id, name, createdAt
}
