import JobTicketCore
import JobTicketStore
import Testing

@Suite struct CompanyStoreTests {
    @Test func insertedCompanyReadsBackEqualByIdAndName() throws {
        let db = try TestStore()
        let created = try db.write {
            try $0.insertCompany(name: "Acme GmbH", apiAccessEnabled: false, defaultPlanType: .fullySubsidized,
                                 defaultContribution: nil, at: TestStore.now)
        }
        #expect(created.id == 1)
        #expect(created == Company(id: 1, name: "Acme GmbH", apiAccessEnabled: false, defaultPlanType: .fullySubsidized,
                                   defaultContribution: nil, createdAt: TestStore.now))
        #expect(try db.write { try $0.company(id: created.id) } == created)
        #expect(try db.write { try $0.company(named: "Acme GmbH") } == created)
        #expect(try db.write { try $0.company(named: "acme gmbh") } == nil)
        #expect(try db.write { try $0.company(id: 99) } == nil)
    }

    @Test func splitPayCompanyKeepsItsContribution() throws {
        let db = try TestStore()
        let created = try db.write {
            try $0.insertCompany(name: "Split AG", apiAccessEnabled: true, defaultPlanType: .splitPay,
                                 defaultContribution: Money(cents: 1550), at: TestStore.now)
        }
        let read = try db.write { try $0.company(id: created.id) }
        #expect(read?.defaultContribution == Money(cents: 1550))
        #expect(read?.defaultPlanType == .splitPay)
        #expect(read?.apiAccessEnabled == true)
    }

    @Test func setAPIAccessTogglesAndUnknownCompanyIsNotFound() throws {
        let db = try TestStore()
        let company = try db.company(apiAccess: false)
        try db.write { try $0.setAPIAccess(companyId: company.id, enabled: true) }
        #expect(try db.write { try $0.company(id: company.id) }?.apiAccessEnabled == true)
        try db.write { try $0.setAPIAccess(companyId: company.id, enabled: false) }
        #expect(try db.write { try $0.company(id: company.id) }?.apiAccessEnabled == false)
        #expect(storeError { try db.write { try $0.setAPIAccess(companyId: 42, enabled: true) } } == .notFound("company"))
    }

    @Test func companyNameIsUnique() throws {
        let db = try TestStore()
        _ = try db.company("Acme GmbH")
        #expect(storeError { _ = try db.company("Acme GmbH") } == .conflict("a company with this name exists"))
        // A different name is fine.
        #expect(try db.company("Acme GmbH 2").id == 2)
    }
}
