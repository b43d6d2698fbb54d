/// The lifecycle of an HR integration; raw values are the public status texts.
public enum HRIntegrationStatus: String, Sendable, CaseIterable {
    case initialSyncPending = "INITIAL SYNC PENDING"
    case active = "ACTIVE"
    case disabled = "DISABLED"
}
