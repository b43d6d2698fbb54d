/// Something that happened and must be traceable: who did what to which company, and why an
/// authentication failed. Never holds secrets.
public struct AuditEvent: Sendable, Hashable {
    public var at: Timestamp
    public var companyId: Int64?
    /// `operator`, `api-key:<id>`, or `anonymous`.
    public var actor: String
    public var action: String
    /// Serialised JSON object with the specifics.
    public var details: String

    public init(at: Timestamp, companyId: Int64?, actor: String, action: String, details: String) {
        self.at = at
        self.companyId = companyId
        self.actor = actor
        self.action = action
        self.details = details
    }
}
