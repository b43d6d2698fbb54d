/// Why a valid roster cannot be applied (both HTTP 422).
public enum SyncRejection: Error, Sendable, Hashable {
    /// Entries whose e-mail belongs to another employee (`email-taken`, field `employees[i].email`).
    case emailTaken([RosterIssue])
    /// The roster would offboard too many employees and the request did not confirm it.
    /// `linked`: employees linked and not offboarded before the sync.
    case massOffboardingBlocked(wouldOffboard: Int, linked: Int)
}
