/// Whose subscription changed, for one `employee-subscription-changed` event.
public enum SubscriptionEventSubject: Sendable, Hashable {
    /// An employee the sync creates, by position in `roster.entries` (no id yet).
    case new(rosterIndex: Int)
    case existing(employeeId: Int64)
}
