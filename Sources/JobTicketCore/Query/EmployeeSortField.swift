/// The sort fields List Employees allows (spec §7).
public enum EmployeeSortField: String, Sendable, CaseIterable {
    case id, firstName, lastName, email, dateOfBirth
}
