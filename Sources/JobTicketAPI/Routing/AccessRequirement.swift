import JobTicketCore

/// Who may call a route: anyone, or an authenticated key holding every listed permission.
public enum AccessRequirement: Sendable, Equatable {
    case none
    case permissions(Set<Permission>)
}
