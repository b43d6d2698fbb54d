/// What an API key may do (spec §3). The raw values are the public names.
public enum Permission: String, Sendable, CaseIterable, Hashable, Comparable {
    case viewEmployees = "view-employees"
    case viewHRIntegrations = "view-hr-integrations"
    case addEmployees = "add-employees"
    case updateEmployees = "update-employees"
    case removeEmployees = "remove-employees"

    /// Trigger HR Sync needs all four employee permissions on the same key.
    public static let sync: Set<Permission> = [.viewEmployees, .addEmployees, .updateEmployees, .removeEmployees]

    public static func < (lhs: Permission, rhs: Permission) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
