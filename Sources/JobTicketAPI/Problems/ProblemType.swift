/// The stable problem types of spec §5.5. The slug is part of the public contract: each one
/// has a page at `/problems/<slug>`.
public enum ProblemType: String, Sendable, CaseIterable {
    case badRequest = "bad-request"
    case unauthorized
    case forbidden
    case apiAccessDisabled = "api-access-disabled"
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    case conflict
    case syncInProgress = "sync-in-progress"
    case syncIdReused = "sync-id-reused"
    case massOffboardingBlocked = "mass-offboarding-blocked"
    case documentNotDownloadable = "document-not-downloadable"
    case payloadTooLarge = "payload-too-large"
    case unsupportedMediaType = "unsupported-media-type"
    case validationFailed = "validation-failed"
    case rateLimited = "rate-limited"
    case internalError = "internal-error"
    case unavailable

    public var status: Int {
        switch self {
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden, .apiAccessDisabled: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .conflict, .syncInProgress, .syncIdReused, .documentNotDownloadable: 409
        case .payloadTooLarge: 413
        case .unsupportedMediaType: 415
        case .validationFailed, .massOffboardingBlocked: 422
        case .rateLimited: 429
        case .internalError: 500
        case .unavailable: 503
        }
    }

    public var title: String {
        switch self {
        case .badRequest: "Bad request"
        case .unauthorized: "Unauthorized"
        case .forbidden: "Forbidden"
        case .apiAccessDisabled: "API access disabled"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .conflict: "Conflict"
        case .syncInProgress: "Sync in progress"
        case .syncIdReused: "Sync id reused"
        case .massOffboardingBlocked: "Mass offboarding blocked"
        case .documentNotDownloadable: "Document not downloadable"
        case .payloadTooLarge: "Payload too large"
        case .unsupportedMediaType: "Unsupported media type"
        case .validationFailed: "Validation failed"
        case .rateLimited: "Too many requests"
        case .internalError: "Internal error"
        case .unavailable: "Service unavailable"
        }
    }

    /// One paragraph for the human page at `/problems/<slug>`.
    public var explanation: String {
        switch self {
        case .badRequest: "The request is malformed: unparseable JSON, a value of the wrong JSON type, an invalid query parameter or path id. The detail names what is wrong."
        case .unauthorized: "The request carries no valid credentials. Send HTTP Basic authentication with your API Key ID as the user name and your API Key Secret as the password."
        case .forbidden: "The credentials are valid but the key lacks a permission this endpoint needs. The problem lists the missing permissions; create a key with them in the Developer Portal."
        case .apiAccessDisabled: "API access is disabled for your company. Ask your JobTicket contact to enable it."
        case .notFound: "There is no such resource for your company, or no such path."
        case .methodNotAllowed: "The path exists but does not support this method. The Allow header lists the methods it does support."
        case .conflict: "The request conflicts with the current state of the resource."
        case .syncInProgress: "Another sync of this HR integration is running. Retry when it has finished."
        case .syncIdReused: "This syncId was already used for this HR integration with a different payload. Use a new syncId for a new roster."
        case .massOffboardingBlocked: "The roster would offboard more than the allowed share of the linked employees, or is empty. Check the roster; if it is right, resend it with ?confirmMassOffboarding=true."
        case .documentNotDownloadable: "This document exists but its file cannot be downloaded."
        case .payloadTooLarge: "The request body is larger than this endpoint accepts."
        case .unsupportedMediaType: "This endpoint accepts only bodies with Content-Type: application/json."
        case .validationFailed: "The request is well-formed but breaks a business rule. Every problem is listed in errors, each with the field path, a code and a message."
        case .rateLimited: "Too many requests for this credential. Wait the number of seconds in Retry-After before retrying."
        case .internalError: "Something went wrong on our side. Quote the requestId when you contact support."
        case .unavailable: "The service is temporarily unavailable. Retry after the number of seconds in Retry-After."
        }
    }
}
