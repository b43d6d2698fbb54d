import Foundation
import JobTicketCore

extension StoreTransaction {
    /// The state a sync of `integrationId` plans against: its linked employees, the company's
    /// employees without a link to it (by lower-cased e-mail, for matching by e-mail), and every
    /// e-mail of the company (to refuse a taken one). Only the unlinked are decoded in full.
    public func syncState(integrationId: Int64, companyId: Int64) throws -> SyncState {
        let linked = try linkedEmployees(integrationId: integrationId, companyId: companyId).map { employee, link in
            LinkedEmployee(employee: employee, link: link, managed: link.managed)
        }
        var unlinked: [String: Employee] = [:]
        for employee in try connection.rows("""
            SELECT \(Self.employeeColumns) FROM employees e WHERE e.company_id = ?
            AND NOT EXISTS (SELECT 1 FROM employee_links l WHERE l.employee_id = e.id AND l.integration_id = ?)
            """, [companyId, integrationId], Self.decodeEmployee) {
            unlinked[employee.email.lowercased()] = employee
        }
        var taken: [String: Int64] = [:]
        for (email, id) in try connection.rows("SELECT email_lower, id FROM employees WHERE company_id = ?", [companyId], {
            ($0.text(0), $0.int(1))
        }) {
            taken[email] = id
        }
        return SyncState(linked: linked, unlinkedByEmail: unlinked, takenEmails: taken)
    }

    /// Writes a planned sync: new employees, changed employees, links, and one outbox event per
    /// subscription change. Runs inside the caller's transaction, so it all commits or none does.
    /// - Parameters:
    ///   - eventPayload: the serialised `employee-subscription-changed` payload of an employee.
    ///   - eventId: a fresh event id.
    public func applySyncPlan(_ plan: SyncPlan, companyId: Int64, at now: Timestamp,
                              eventPayload: (Employee) -> String, eventId: () -> UUID) throws {
        var created: [Int: Employee] = [:]
        var newIdByHrId: [String: Int64] = [:]
        for planned in plan.creates {
            let employee = try insertEmployee(planned.employee)
            created[planned.rosterIndex] = employee
            newIdByHrId[planned.hrId] = employee.id
        }
        var updated: [Int64: Employee] = [:]
        for update in plan.updates {
            try updateEmployee(update.employee)
            updated[update.employeeId] = update.employee
        }
        for var link in plan.links {
            if link.employeeId == 0, let id = newIdByHrId[link.hrId] { link.employeeId = id }
            link.managed = !plan.unmanagedHrIds.contains(link.hrId)
            try upsertLink(link)
        }
        for subject in plan.subscriptionEvents {
            let employee: Employee? = switch subject {
            case .new(let rosterIndex): created[rosterIndex]
            case .existing(let employeeId): updated[employeeId]
            }
            // The planner only reports changes it also planned; anything else is a bug, and losing
            // a webhook silently would be worse than failing the sync.
            guard let employee else { throw StoreError.notFound("the employee of a planned subscription event") }
            try appendOutbox(OutboxEvent(id: eventId(), companyId: companyId, type: OutboxEvent.subscriptionChanged,
                                         createdAt: now, payload: eventPayload(employee)))
        }
    }
}
