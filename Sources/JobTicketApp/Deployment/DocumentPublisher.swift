import JobTicketAPI
import JobTicketCore
import JobTicketStore

/// Stores a new employee document and its `new-employee-document-generated` event together.
struct DocumentPublisher {
    let deployment: Deployment

    func add(in transaction: StoreTransaction, employeeId: Int64, companyId: Int64, name: String, downloadable: Bool,
             bytes: [UInt8]) throws -> EmployeeDocument {
        let now = deployment.clock.timestamp
        let document = try transaction.insertDocument(employeeId: employeeId, companyId: companyId, name: name, fileType: "pdf",
                                                      downloadable: downloadable, bytes: bytes, at: now)
        try transaction.appendOutbox(OutboxEvent(id: deployment.random.uuid(), companyId: companyId, type: OutboxEvent.documentGenerated,
                                                 createdAt: now, payload: JSONWriter.string(DocumentWire.generatedPayload(document))))
        return document
    }
}
