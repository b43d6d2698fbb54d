import JobTicketCore

extension StoreTransaction {
    private static let documentColumns = "id, employee_id, company_id, name, file_type, downloadable, sha256, byte_count, created_at, updated_at"

    /// Stores a document and its file; the metadata's id, hash and size are computed here.
    public func insertDocument(employeeId: Int64, companyId: Int64, name: String, fileType: String, downloadable: Bool,
                               bytes: [UInt8], at now: Timestamp) throws -> EmployeeDocument {
        let digest = Crypto.hex(Crypto.sha256(bytes))
        try connection.run("""
            INSERT INTO documents (company_id, employee_id, name, file_type, downloadable, sha256, byte_count, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [companyId, employeeId, name, fileType, downloadable, digest, bytes.count, now.secondsSinceEpoch, now.secondsSinceEpoch])
        let id = connection.lastInsertRowId
        try connection.run("INSERT INTO document_files (document_id, bytes) VALUES (?, ?)", [id, bytes])
        return EmployeeDocument(id: id, employeeId: employeeId, companyId: companyId, documentName: name, documentFileType: fileType,
                                downloadable: downloadable, sha256: digest, byteCount: bytes.count, createdAt: now, updatedAt: now)
    }

    public func document(id: Int64, companyId: Int64) throws -> EmployeeDocument? {
        try connection.row("SELECT \(Self.documentColumns) FROM documents WHERE id = ? AND company_id = ?",
                           [id, companyId], Self.decodeDocument)
    }

    /// The file of a document of this company.
    public func documentFile(id: Int64, companyId: Int64) throws -> [UInt8]? {
        try connection.row("""
            SELECT f.bytes FROM document_files f JOIN documents d ON d.id = f.document_id WHERE d.id = ? AND d.company_id = ?
            """, [id, companyId]) { $0.blob(0) }
    }

    /// Documents of a company, optionally of one employee.
    public func documents(companyId: Int64, employeeId: Int64?, sorting: Sorting<DocumentSortField>,
                          page: PageRequest) throws -> Page<EmployeeDocument> {
        var whereClause = "company_id = ?"
        var values: [any SQLiteBindable] = [companyId]
        if let employeeId {
            whereClause += " AND employee_id = ?"
            values.append(employeeId)
        }
        let column = switch sorting.field {
        case .id: "id"
        case .documentName: "name"
        case .createdAt: "created_at"
        case .updatedAt: "updated_at"
        }
        return try self.page(Self.documentColumns, from: "documents", where: whereClause, values,
                             orderBy: Self.order(column, sorting.order), page: page, decode: Self.decodeDocument)
    }

    private static func decodeDocument(_ row: SQLiteStatement) -> EmployeeDocument {
        EmployeeDocument(id: row.int(0), employeeId: row.int(1), companyId: row.int(2), documentName: row.text(3),
                         documentFileType: row.text(4), downloadable: row.int(5) != 0, sha256: row.text(6),
                         byteCount: Int(row.int(7)), createdAt: Timestamp(secondsSinceEpoch: row.int(8)),
                         updatedAt: Timestamp(secondsSinceEpoch: row.int(9)))
    }
}
