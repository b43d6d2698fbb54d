import JobTicketCore

/// The public Employee Document resource (spec §6.2) and its webhook payload (spec §9).
public enum DocumentWire {
    public static func resource(_ document: EmployeeDocument, urls: Links) -> JSONValue {
        var links: [(String, JSONValue)] = [
            ("self", urls.link("/employee-documents/\(document.id)")),
            ("employee", urls.link("/employees/\(document.employeeId)")),
        ]
        if document.downloadable {
            links.append(("download", urls.link("/employee-documents/\(document.id)/download", type: document.mediaType)))
        }
        return .object([
            ("id", .int(Int(document.id))),
            ("employeeId", .int(Int(document.employeeId))),
            ("documentName", .string(document.documentName)),
            ("documentFileType", .string(document.documentFileType)),
            ("downloadable", .bool(document.downloadable)),
            ("createdAt", .string(document.createdAt.description)),
            ("updatedAt", .string(document.updatedAt.description)),
            ("resource", .string("employee-document")),
            ("_links", .object(links)),
        ])
    }

    /// `new-employee-document-generated` payload.
    public static func generatedPayload(_ document: EmployeeDocument) -> JSONValue {
        .object([
            ("id", .int(Int(document.id))),
            ("employeeId", .int(Int(document.employeeId))),
            ("resource", .string("employee-document")),
            ("documentName", .string(document.documentName)),
            ("documentFileType", .string(document.documentFileType)),
            ("downloadable", .bool(document.downloadable)),
            ("createdAt", .string(document.createdAt.description)),
        ])
    }
}
