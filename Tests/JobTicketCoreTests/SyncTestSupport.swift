import JobTicketCore

/// Shared fixtures of the Sync* tests.
enum SyncFixtures {
    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    static let companyId: Int64 = 3
    static let integrationId: Int64 = 7
    static let defaultPlan = Plan(type: .splitPay, contractSigningStatus: .pending,
                                  employeeContribution: Money(cents: 2900))
    static let acceptedPlan = Plan(type: .fullySubsidized, contractSigningStatus: .accepted, employeeContribution: nil)
    static let created = Timestamp(date: date("2023-01-01"), hour: 9)

    static func now(_ today: CalendarDate) -> Timestamp { Timestamp(date: today, hour: 8) }

    /// An employee in the state a previous sync left: fields as `entry` with the given
    /// subscription and an accepted contract.
    static func employee(_ id: Int64, _ entry: RosterEntry, subscription: Subscription,
                         plan: Plan = acceptedPlan) -> Employee {
        Employee(id: id, companyId: companyId, firstName: entry.firstName, lastName: entry.lastName,
                 email: entry.email, dateOfBirth: entry.dateOfBirth, profileImage: entry.profileImage,
                 startDate: entry.startDate, terminationDate: entry.terminationDate, absences: entry.absences,
                 subscription: subscription, plan: plan, createdAt: created, updatedAt: created)
    }

    static func entry(_ hrId: String, email: String? = nil, firstName: String = "Anna", startDate: String = "2022-03-01",
                      terminationDate: String? = nil, autoSync: Bool? = nil, absences: [Absence] = []) -> RosterEntry {
        RosterEntry(firstName: firstName, lastName: "Müller", email: email ?? "\(hrId)@example.com",
                    profileImage: nil, dateOfBirth: date("1990-04-15"), hrId: hrId, startDate: date(startDate),
                    terminationDate: terminationDate.map(date), autoSyncEmployee: autoSync, absences: absences)
    }

    static func link(_ employeeId: Int64, _ hrId: String, offboardedAt: Timestamp? = nil) -> EmployeeLink {
        EmployeeLink(employeeId: employeeId, integrationId: integrationId, hrId: hrId, lastSyncId: "previous",
                     lastSynced: created, offboardedAt: offboardedAt)
    }

    static func linked(_ employee: Employee, _ hrId: String, offboardedAt: Timestamp? = nil,
                       managed: Bool = true) -> LinkedEmployee {
        LinkedEmployee(employee: employee, link: link(employee.id, hrId, offboardedAt: offboardedAt), managed: managed)
    }

    /// `takenEmails` is derived from `linked` and `unlinked` plus `otherEmails`.
    static func input(today: String, entries: [RosterEntry], linked: [LinkedEmployee] = [],
                      unlinked: [Employee] = [], otherEmails: [String: Int64] = [:],
                      threshold: Int = 50, confirm: Bool = false) -> SyncInput {
        let day = date(today)
        var taken = otherEmails
        for employee in linked.map(\.employee) + unlinked { taken[employee.email.lowercased()] = employee.id }
        return SyncInput(integrationId: integrationId, companyId: companyId, today: day, now: now(day),
                         roster: Roster(syncId: "sync-1", entries: entries), linked: linked,
                         unlinkedByEmail: Dictionary(uniqueKeysWithValues: unlinked.map { ($0.email.lowercased(), $0) }),
                         takenEmails: taken, defaultPlan: defaultPlan, offboardingThresholdPercent: threshold,
                         confirmMassOffboarding: confirm)
    }

    /// The plan; a rejection is thrown, failing the test.
    static func plan(_ input: SyncInput) throws -> SyncPlan {
        try SyncPlanner.plan(input).get()
    }

    static func absence(_ start: String, _ end: String?) -> Absence {
        Absence(startDate: date(start), endDate: end.map(date), type: "parental-leave")
    }
}
