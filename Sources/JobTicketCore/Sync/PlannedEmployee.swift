/// An employee a sync creates. `employee.id` is 0 until the store inserts it.
public struct PlannedEmployee: Sendable, Hashable {
    public var rosterIndex: Int
    public var hrId: String
    public var employee: Employee

    public init(rosterIndex: Int, hrId: String, employee: Employee) {
        self.rosterIndex = rosterIndex
        self.hrId = hrId
        self.employee = employee
    }
}
