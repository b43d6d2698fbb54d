/// Why credentials were refused. Recorded in the audit log only; every case answers the same 401.
public enum AuthenticationFailure: String, Error, Sendable, CaseIterable {
    case missingHeader = "missing-header"
    case wrongScheme = "wrong-scheme"
    case badBase64 = "bad-base64"
    case noColon = "no-colon"
    case malformedKeyId = "malformed-key-id"
    case malformedSecret = "malformed-secret"
    case otherEnvironment = "other-environment"
    case unknownKey = "unknown-key"
    case wrongSecret = "wrong-secret"
    case disabledKey = "disabled-key"
    case expiredKey = "expired-key"
    case deletedKey = "deleted-key"
}
