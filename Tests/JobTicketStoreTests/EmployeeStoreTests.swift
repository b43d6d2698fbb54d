import JobTicketCore
import JobTicketStore
import Testing

@Suite struct EmployeeStoreTests {
    /// Every field set to a non-default value, absences with and without end date and type.
    static func fullEmployee(companyId: Int64) -> Employee {
        Employee(id: 0, companyId: companyId, firstName: "Zoë", lastName: "Yılmaz", email: "Zoe.Yilmaz@Example.com",
                 dateOfBirth: date("1988-02-29"), profileImage: "https://img.example/zoe.png", startDate: date("2022-03-01"),
                 terminationDate: date("2024-12-31"),
                 absences: [Absence(startDate: date("2024-07-01"), endDate: date("2024-09-30"), type: "parental-leave"),
                            Absence(startDate: date("2025-01-01"), endDate: nil, type: nil)],
                 subscription: Subscription(startAt: date("2022-04-01"), pausedAt: date("2024-07-01"),
                                            reactivatedAt: date("2024-10-01"), cancelledAt: date("2024-12-31")),
                 plan: Plan(type: .splitPay, contractSigningStatus: .declined, employeeContribution: Money(cents: 1234)),
                 createdAt: Timestamp(secondsSinceEpoch: 1_700_000_000), updatedAt: Timestamp(secondsSinceEpoch: 1_700_000_123))
    }

    @Test func insertedEmployeeReadsBackEqualWithEveryField() throws {
        let db = try TestStore()
        let company = try db.company()
        let stored = try db.insert(Self.fullEmployee(companyId: company.id))
        #expect(stored.id == 1)
        var expected = Self.fullEmployee(companyId: company.id)
        expected.id = 1
        #expect(stored == expected)
        let read = try db.write { try $0.employee(id: stored.id, companyId: company.id) }
        #expect(read == expected)
        #expect(read?.absences == expected.absences)
        #expect(read?.absences.count == 2)
        #expect(read?.absences[1].endDate == nil)
        #expect(read?.absences[1].type == nil)
    }

    @Test func minimalEmployeeKeepsItsNils() throws {
        let db = try TestStore()
        let company = try db.company()
        var employee = Employee(id: 0, companyId: company.id, firstName: "A", lastName: "B", email: "a@b.example", dateOfBirth: nil,
                                profileImage: nil, startDate: nil, terminationDate: nil, absences: [],
                                subscription: Subscription(startAt: date("2024-06-01")),
                                plan: Plan(type: .fullySubsidized, contractSigningStatus: .pending, employeeContribution: nil),
                                createdAt: TestStore.now, updatedAt: TestStore.now)
        employee = try db.insert(employee)
        #expect(try db.write { try $0.employee(id: employee.id, companyId: company.id) } == employee)
    }

    @Test func updateWritesEveryField() throws {
        let db = try TestStore()
        let company = try db.company()
        let original = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        var changed = Self.fullEmployee(companyId: company.id)
        changed.id = original.id
        try db.write { try $0.updateEmployee(changed) }
        #expect(try db.write { try $0.employee(id: original.id, companyId: company.id) } == changed)

        // And back to no absences, no optional dates, fully subsidised.
        var cleared = changed
        cleared.absences = []
        cleared.dateOfBirth = nil
        cleared.terminationDate = nil
        cleared.profileImage = nil
        cleared.subscription = Subscription(startAt: date("2024-01-01"))
        cleared.plan = Plan(type: .fullySubsidized, contractSigningStatus: .accepted, employeeContribution: nil)
        try db.write { try $0.updateEmployee(cleared) }
        let read = try db.write { try $0.employee(id: original.id, companyId: company.id) }
        #expect(read == cleared)
        #expect(read?.plan.employeeContribution == nil)
    }

    @Test func updateOfAnotherCompanysEmployeeIsNotFoundAndChangesNothing() throws {
        let db = try TestStore()
        let first = try db.company("First")
        let second = try db.company("Second")
        let employee = try db.insert(makeEmployee(companyId: first.id, email: "anna@example.com"))
        var foreign = employee
        foreign.companyId = second.id
        foreign.firstName = "Mallory"
        #expect(storeError { try db.write { try $0.updateEmployee(foreign) } } == .notFound("employee"))
        #expect(try db.write { try $0.employee(id: employee.id, companyId: first.id) }?.firstName == "Anna")
    }

    @Test func emailIsUniquePerCompanyCaseInsensitively() throws {
        let db = try TestStore()
        let first = try db.company("First")
        let second = try db.company("Second")
        _ = try db.insert(makeEmployee(companyId: first.id, email: "Anna.Mueller@Example.com"))
        let conflict = StoreError.conflict("an employee with this e-mail exists in the company")
        #expect(storeError { _ = try db.insert(makeEmployee(companyId: first.id, email: "anna.mueller@example.com")) } == conflict)
        #expect(storeError { _ = try db.insert(makeEmployee(companyId: first.id, email: "ANNA.MUELLER@EXAMPLE.COM")) } == conflict)
        // The same address in another company is a different person.
        let other = try db.insert(makeEmployee(companyId: second.id, email: "anna.mueller@example.com"))
        #expect(other.id == 2)
    }

    @Test func updateToATakenEmailConflicts() throws {
        let db = try TestStore()
        let company = try db.company()
        _ = try db.insert(makeEmployee(companyId: company.id, email: "anna@example.com"))
        var bernd = try db.insert(makeEmployee(companyId: company.id, email: "bernd@example.com"))
        bernd.email = "ANNA@example.com"
        #expect(storeError { try db.write { try $0.updateEmployee(bernd) } }
            == .conflict("an employee with this e-mail exists in the company"))
        // Changing only the case of one's own address is allowed.
        bernd.email = "Bernd@Example.com"
        try db.write { try $0.updateEmployee(bernd) }
        #expect(try db.write { try $0.employee(id: bernd.id, companyId: company.id) }?.email == "Bernd@Example.com")
    }

    @Test func employeeIsScopedToItsCompany() throws {
        let db = try TestStore()
        let first = try db.company("First")
        let second = try db.company("Second")
        let employee = try db.insert(makeEmployee(companyId: first.id, email: "anna@example.com"))
        #expect(try db.write { try $0.employee(id: employee.id, companyId: second.id) } == nil)
        #expect(try db.write { try $0.employee(id: 999, companyId: first.id) } == nil)
        #expect(try db.write { try $0.companyIdOfEmployee(id: employee.id) } == first.id)
        #expect(try db.write { try $0.companyIdOfEmployee(id: 999) } == nil)
    }

    @Test func employeesByEmailIsKeyedByLowercasedEmailAndScoped() throws {
        let db = try TestStore()
        let first = try db.company("First")
        let second = try db.company("Second")
        let anna = try db.insert(makeEmployee(companyId: first.id, email: "Anna@Example.com"))
        let bernd = try db.insert(makeEmployee(companyId: first.id, email: "bernd@example.com"))
        _ = try db.insert(makeEmployee(companyId: second.id, email: "carl@example.com"))
        let map = try db.write { try $0.employeesByEmail(companyId: first.id) }
        #expect(map == ["anna@example.com": anna, "bernd@example.com": bernd])
    }
}
