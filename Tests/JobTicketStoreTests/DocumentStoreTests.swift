import JobTicketCore
import JobTicketStore
import Testing

@Suite struct DocumentStoreTests {
    static let pdf = Array("%PDF-1.4\n%\u{e2}\u{e3}\n1 0 obj << >> endobj\n%%EOF\n".utf8) + [0, 255, 128, 10]

    @Test func insertedDocumentAndFileReadBackEqual() throws {
        let db = try TestStore()
        let company = try db.company()
        let employee = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        let document = try db.write {
            try $0.insertDocument(employeeId: employee.id, companyId: company.id, name: "May 2024 Transit Invoice", fileType: "pdf",
                                  downloadable: true, bytes: Self.pdf, at: TestStore.now)
        }
        #expect(document == EmployeeDocument(id: 1, employeeId: employee.id, companyId: company.id,
                                             documentName: "May 2024 Transit Invoice", documentFileType: "pdf", downloadable: true,
                                             sha256: Crypto.hex(Crypto.sha256(Self.pdf)), byteCount: Self.pdf.count,
                                             createdAt: TestStore.now, updatedAt: TestStore.now))
        #expect(document.sha256.count == 64)
        #expect(try db.write { try $0.document(id: document.id, companyId: company.id) } == document)
        #expect(try db.write { try $0.documentFile(id: document.id, companyId: company.id) } == Self.pdf)
    }

    @Test func notDownloadableRoundTrips() throws {
        let db = try TestStore()
        let company = try db.company()
        let employee = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        let document = try db.write {
            try $0.insertDocument(employeeId: employee.id, companyId: company.id, name: "Contract", fileType: "pdf",
                                  downloadable: false, bytes: [], at: TestStore.now)
        }
        let read = try db.write { try $0.document(id: document.id, companyId: company.id) }
        #expect(read?.downloadable == false)
        #expect(read?.byteCount == 0)
        #expect(read?.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try db.write { try $0.documentFile(id: document.id, companyId: company.id) } == [])
    }

    @Test func documentAndFileAreScopedToTheirCompany() throws {
        let db = try TestStore()
        let first = try db.company("First")
        let second = try db.company("Second")
        let employee = try db.insert(makeEmployee(companyId: first.id, email: "anna@example.com"))
        let document = try db.write {
            try $0.insertDocument(employeeId: employee.id, companyId: first.id, name: "Invoice", fileType: "pdf", downloadable: true,
                                  bytes: Self.pdf, at: TestStore.now)
        }
        #expect(try db.write { try $0.document(id: document.id, companyId: second.id) } == nil)
        #expect(try db.write { try $0.documentFile(id: document.id, companyId: second.id) } == nil)
        #expect(try db.write { try $0.document(id: 999, companyId: first.id) } == nil)
        #expect(try db.write { try $0.documentFile(id: 999, companyId: first.id) } == nil)
    }

    @Test func listsWithAndWithoutEmployeeSortedAndPaged() throws {
        let db = try TestStore()
        let company = try db.company()
        let other = try db.company("Other")
        let anna = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        let bernd = try db.insert(makeEmployee(companyId: company.id, email: "bernd@example.com"))
        let foreigner = try db.insert(makeEmployee(companyId: other.id, email: "anna@example.com"))
        let ids = try db.write { tx in
            [
                try tx.insertDocument(employeeId: anna.id, companyId: company.id, name: "B invoice", fileType: "pdf", downloadable: true,
                                      bytes: Self.pdf, at: TestStore.now.adding(seconds: 30)).id,
                try tx.insertDocument(employeeId: bernd.id, companyId: company.id, name: "A invoice", fileType: "pdf", downloadable: true,
                                      bytes: Self.pdf, at: TestStore.now.adding(seconds: 10)).id,
                try tx.insertDocument(employeeId: anna.id, companyId: company.id, name: "C invoice", fileType: "pdf", downloadable: true,
                                      bytes: Self.pdf, at: TestStore.now.adding(seconds: 20)).id,
                try tx.insertDocument(employeeId: foreigner.id, companyId: other.id, name: "X", fileType: "pdf", downloadable: true,
                                      bytes: Self.pdf, at: TestStore.now).id,
            ]
        }
        func list(_ employeeId: Int64?, _ field: DocumentSortField = .id, _ order: SortOrder = .asc, page: Int = 1,
                  perPage: Int = 10) throws -> (ids: [Int64], total: Int) {
            let page = try db.write {
                try $0.documents(companyId: company.id, employeeId: employeeId, sorting: Sorting(field: field, order: order),
                                 page: PageRequest(page: page, perPage: perPage))
            }
            return (page.items.map(\.id), page.total)
        }
        #expect(try list(nil) == ([ids[0], ids[1], ids[2]], 3))
        #expect(try list(anna.id) == ([ids[0], ids[2]], 2))
        #expect(try list(bernd.id) == ([ids[1]], 1))
        #expect(try list(foreigner.id) == ([], 0))
        #expect(try list(nil, .id, .desc).ids == [ids[2], ids[1], ids[0]])
        #expect(try list(nil, .documentName, .asc).ids == [ids[1], ids[0], ids[2]])
        #expect(try list(nil, .documentName, .desc).ids == [ids[2], ids[0], ids[1]])
        #expect(try list(nil, .createdAt, .asc).ids == [ids[1], ids[2], ids[0]])
        #expect(try list(nil, .updatedAt, .desc).ids == [ids[0], ids[2], ids[1]])
        #expect(try list(nil, page: 2, perPage: 2) == ([ids[2]], 3))
        #expect(try list(nil, page: 5, perPage: 2) == ([], 3))
    }
}
