import Foundation
import JobTicketCore
import JobTicketStore

/// A directory under the system temp folder, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jobticket-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A fresh, migrated SQLite store in its own temp file; one per test.
final class TestStore {
    static let now = Timestamp(iso8601: "2024-05-14T06:00:00Z")!
    static let today = date("2024-05-14")

    let directory: TemporaryDirectory
    let store: Store

    init() throws {
        directory = try TemporaryDirectory()
        store = try Store(path: directory.path("store.sqlite"))
        try store.migrate(now: Self.now)
    }

    func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        try store.writeNow(body)
    }

    func company(_ name: String = "Acme GmbH", apiAccess: Bool = true) throws -> Company {
        try write { try $0.insertCompany(name: name, apiAccessEnabled: apiAccess, defaultPlanType: .splitPay,
                                         defaultContribution: Money(cents: 2900), at: Self.now) }
    }

    func insert(_ employee: Employee) throws -> Employee {
        try write { try $0.insertEmployee(employee) }
    }
}

func date(_ text: String) -> CalendarDate {
    guard let value = CalendarDate(text) else { fatalError("bad test date \(text)") }
    return value
}

/// An employee with plausible values for every field; tests override what they look at.
func makeEmployee(companyId: Int64, email: String, firstName: String = "Anna", lastName: String = "Müller",
                  dateOfBirth: CalendarDate? = date("1990-04-15"), subscription: Subscription = Subscription(startAt: date("2024-01-01")),
                  planType: PlanType = .splitPay, contract: ContractSigningStatus = .accepted) -> Employee {
    Employee(id: 0, companyId: companyId, firstName: firstName, lastName: lastName, email: email, dateOfBirth: dateOfBirth,
             profileImage: nil, startDate: date("2023-12-01"), terminationDate: nil, absences: [], subscription: subscription,
             plan: Plan(type: planType, contractSigningStatus: contract,
                        employeeContribution: planType == .splitPay ? Money(cents: 2900) : nil),
             createdAt: TestStore.now, updatedAt: TestStore.now)
}

/// Runs `body`, expecting it to throw a `StoreError`; returns it (nil if nothing or something else was thrown).
func storeError(_ body: () throws -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        return nil
    }
}
