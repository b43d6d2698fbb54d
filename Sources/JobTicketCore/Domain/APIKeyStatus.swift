/// Whether a key may authenticate. Deleted keys are kept (tombstoned) for the audit trail.
public enum APIKeyStatus: String, Sendable, CaseIterable {
    case enabled, disabled, deleted
}
