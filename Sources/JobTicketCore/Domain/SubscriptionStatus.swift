/// The six subscription states of spec §6.1.
public enum SubscriptionStatus: String, Sendable, CaseIterable {
    case pending
    case active
    case scheduledPause = "scheduled-pause"
    case paused
    case scheduledCancellation = "scheduled-cancellation"
    case cancelled
}
