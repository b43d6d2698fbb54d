/// Whether the employee accepted the job-ticket contract (spec §6.1 `plan.contractSigningStatus`).
public enum ContractSigningStatus: String, Sendable, CaseIterable {
    case pending, accepted, declined
}
