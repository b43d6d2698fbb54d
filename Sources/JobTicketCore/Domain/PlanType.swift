/// How a job ticket is paid (spec §6.1 `plan.type`).
public enum PlanType: String, Sendable, CaseIterable {
    case fullySubsidized = "fully-subsidized-plan"
    case splitPay = "split-pay-plan"
}
