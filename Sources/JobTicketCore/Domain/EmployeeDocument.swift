/// A document of an employee (invoices…): metadata; the file bytes are fetched separately.
public struct EmployeeDocument: Sendable, Hashable {
    public var id: Int64
    public var employeeId: Int64
    public var companyId: Int64
    public var documentName: String
    /// File extension without the dot; `pdf` so far.
    public var documentFileType: String
    public var downloadable: Bool
    /// Hex SHA-256 of the file, the download's strong ETag.
    public var sha256: String
    public var byteCount: Int
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(id: Int64, employeeId: Int64, companyId: Int64, documentName: String, documentFileType: String,
                downloadable: Bool, sha256: String, byteCount: Int, createdAt: Timestamp, updatedAt: Timestamp) {
        self.id = id
        self.employeeId = employeeId
        self.companyId = companyId
        self.documentName = documentName
        self.documentFileType = documentFileType
        self.downloadable = downloadable
        self.sha256 = sha256
        self.byteCount = byteCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The media type of the file.
    public var mediaType: String {
        documentFileType == "pdf" ? "application/pdf" : "application/octet-stream"
    }
}
