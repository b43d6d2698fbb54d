/// Which deployment this server is (`JOBTICKET_ENVIRONMENT`). Credentials of one environment
/// are never accepted by the other.
public enum DeploymentEnvironment: String, Sendable, CaseIterable, Codable {
    case staging
    case production

    /// The prefix of API key secrets issued by this environment, so a secret's origin is
    /// visible at a glance and to secret scanners.
    public var secretPrefix: String {
        switch self {
        case .staging: "jt_test_"
        case .production: "jt_live_"
        }
    }
}
