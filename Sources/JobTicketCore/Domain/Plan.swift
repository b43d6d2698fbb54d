/// An employee's plan: who pays, whether the contract is signed, the employee's share.
public struct Plan: Sendable, Hashable {
    public var type: PlanType
    public var contractSigningStatus: ContractSigningStatus
    /// The employee's monthly contribution; `nil` for a fully subsidised plan.
    public var employeeContribution: Money?

    public init(type: PlanType, contractSigningStatus: ContractSigningStatus, employeeContribution: Money?) {
        self.type = type
        self.contractSigningStatus = contractSigningStatus
        self.employeeContribution = type == .fullySubsidized ? nil : employeeContribution
    }
}
