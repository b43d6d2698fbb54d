/// One line of a dry run's `changes` (spec §8.6).
public struct SyncChange: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case add, update, offboard, unchanged, skip, rehire
    }

    public var hrId: String
    /// `nil` for employees the sync would create, and for skipped entries matching nobody.
    public var employeeId: Int64?
    public var action: Action
    public var fields: [String]

    public init(hrId: String, employeeId: Int64?, action: Action, fields: [String] = []) {
        self.hrId = hrId
        self.employeeId = employeeId
        self.action = action
        self.fields = fields
    }
}
