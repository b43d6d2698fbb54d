import HTTPServer
import JobTicketCore
import JobTicketStore

/// Employee documents: the lists, the metadata and the download (spec §7).
struct DocumentHandlers: Sendable {
    let services: APIServices

    var routes: [Route] {
        [
            Route("GET", "/employees/{id}/documents", requirement: .permissions([.viewEmployees]), handler: listOfEmployee),
            Route("GET", "/employee-documents", requirement: .permissions([.viewEmployees]), handler: listAll),
            Route("GET", "/employee-documents/{id}", requirement: .permissions([.viewEmployees]), handler: get),
            Route("GET", "/employee-documents/{id}/download", requirement: .permissions([.viewEmployees]), handler: download),
        ]
    }

    func listOfEmployee(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let employeeId = try PathParameters.id(context)
        let query = QueryParameters(request: request)
        let page = try query.page()
        let sorting: Sorting<DocumentSortField> = try query.sorting(default: .id)
        let documents = try await services.store.read { transaction -> Page<EmployeeDocument>? in
            guard try transaction.employee(id: employeeId, companyId: companyId) != nil else { return nil }
            return try transaction.documents(companyId: companyId, employeeId: employeeId, sorting: sorting, page: page)
        }
        guard let documents else { throw APIError.notFound("No employee \(employeeId).") }
        return ListEnvelope.response(documents) { DocumentWire.resource($0, urls: services.links) }
    }

    func listAll(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let query = QueryParameters(request: request)
        let page = try query.page()
        let sorting: Sorting<DocumentSortField> = try query.sorting(default: .id)
        let employeeId = try query.id("employeeId")
        let documents = try await services.store.read { transaction in
            try transaction.documents(companyId: companyId, employeeId: employeeId, sorting: sorting, page: page)
        }
        return ListEnvelope.response(documents) { DocumentWire.resource($0, urls: services.links) }
    }

    func get(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let id = try PathParameters.id(context)
        guard let document = try await services.store.read({ try $0.document(id: id, companyId: companyId) }) else {
            throw APIError.notFound("No document \(id).")
        }
        return .data(DocumentWire.resource(document, urls: services.links))
    }

    func download(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let id = try PathParameters.id(context)
        guard let document = try await services.store.read({ try $0.document(id: id, companyId: companyId) }) else {
            throw APIError.notFound("No document \(id).")
        }
        guard document.downloadable else {
            throw APIError(.documentNotDownloadable, "Document \(id) exists but cannot be downloaded.")
        }
        let etag = "\"\(document.sha256)\""
        var headers = HTTPHeaders([("ETag", etag), ("Cache-Control", "private, no-cache")])
        if let condition = request.headers["If-None-Match"], ETagMatch.matches(condition, etag: etag) {
            return HTTPResponse(status: 304, headers: headers)
        }
        guard let bytes = try await services.store.read({ try $0.documentFile(id: id, companyId: companyId) }) else {
            throw APIError.notFound("No document \(id).")
        }
        headers.add("Content-Type", document.mediaType)
        headers.add("Content-Disposition", ContentDisposition.attachment(filename: "\(document.documentName).\(document.documentFileType)"))
        return HTTPResponse(status: 200, headers: headers, body: bytes)
    }
}
