/// Plans a full-roster replace (spec §8.2–8.5): matches entries to employees and decides every
/// create, update, link, offboarding and subscription event, without I/O.
///
/// Decisions where the spec is silent:
/// - An e-mail that belongs to any other company employee before the sync is taken, even if
///   that employee's own entry moves to another address in the same roster (no swaps): the
///   store can then apply updates in any order without violating e-mail uniqueness.
/// - Terminations, offboarding and re-hire only touch `cancelledAt` when they change; a
///   cancellation already in effect (`cancelledAt < today`) is only undone by a re-hire.
/// - Pauses are recomputed from absences on every sync of a managed employee (so a later
///   absence is picked up once the first pause is over); a pause that already ended is kept
///   as history while no newer run of absent months exists.
/// - `startAt` moves with a changed `startDate` only while the subscription has not started
///   and the stored `startDate` was known (so `startAt` came from it).
/// - An `autoSyncEmployee: false` entry matching an offboarded link restores the link but does
///   not touch the employee.
public enum SyncPlanner {
    public static func plan(_ input: SyncInput) -> Result<SyncPlan, SyncRejection> {
        var builder = Builder(input: input)
        for (index, entry) in input.roster.entries.enumerated() {
            builder.apply(entry, at: index)
        }
        if !builder.emailIssues.isEmpty {
            return .failure(.emailTaken(builder.emailIssues))
        }
        let active = input.linked.filter { $0.link.offboardedAt == nil }
        let leaving = active.filter { $0.managed && !builder.seenHrIds.contains($0.link.hrId) }
        let blocked = leaving.count * 100 > input.offboardingThresholdPercent * active.count
            || (input.roster.entries.isEmpty && !active.isEmpty)
        if blocked && !input.confirmMassOffboarding {
            return .failure(.massOffboardingBlocked(wouldOffboard: leaving.count, linked: active.count))
        }
        for linked in leaving {
            builder.offboard(linked)
        }
        return .success(builder.plan)
    }

    /// The employee record the entry describes, starting from `old` (spec §8.3 Update, Termination,
    /// Absences, Re-hire). Fields are taken from the entry; the subscription follows the rules.
    public static func updatedEmployee(_ old: Employee, with entry: RosterEntry, rehire: Bool,
                                       today: CalendarDate) -> Employee {
        var new = old
        new.firstName = entry.firstName
        new.lastName = entry.lastName
        new.email = entry.email
        new.dateOfBirth = entry.dateOfBirth
        new.profileImage = entry.profileImage
        new.startDate = entry.startDate
        new.terminationDate = entry.terminationDate
        new.absences = entry.absences

        var subscription = old.subscription
        let cancellationInEffect = subscription.cancelledAt.map { $0 < today } ?? false
        let entryCancelledAt = entry.terminationDate.map(SubscriptionRules.cancelledAt(terminationDate:))
        if rehire && cancellationInEffect {
            // Coverage ended: start over as a fresh, pending subscription.
            let pause = SubscriptionRules.pause(absences: entry.absences, today: today)
            subscription = Subscription(startAt: SubscriptionRules.startAt(startDate: entry.startDate, today: today),
                                        pausedAt: pause?.pausedAt, reactivatedAt: pause?.reactivatedAt,
                                        cancelledAt: entryCancelledAt)
        } else {
            if old.startDate != nil, old.startDate != entry.startDate, today < subscription.startAt {
                subscription.startAt = SubscriptionRules.startAt(startDate: entry.startDate, today: today)
            }
            if rehire || (old.terminationDate != entry.terminationDate && !cancellationInEffect) {
                subscription.cancelledAt = entryCancelledAt
            }
            let pause = resolvedPause(absences: entry.absences, stored: subscription, today: today)
            subscription.pausedAt = pause?.pausedAt
            subscription.reactivatedAt = pause?.reactivatedAt
        }
        new.subscription = subscription
        return new
    }

    /// The pause the absences call for; if none, a stored pause that is already over is kept.
    static func resolvedPause(absences: [Absence], stored: Subscription,
                              today: CalendarDate) -> SubscriptionRules.Pause? {
        if let pause = SubscriptionRules.pause(absences: absences, today: today) { return pause }
        if let pausedAt = stored.pausedAt, let reactivatedAt = stored.reactivatedAt, reactivatedAt <= today {
            return SubscriptionRules.Pause(pausedAt: pausedAt, reactivatedAt: reactivatedAt)
        }
        return nil
    }

    /// A new employee from an entry (spec §8.3 Add): pending subscription, default plan.
    public static func newEmployee(from entry: RosterEntry, companyId: Int64, plan: Plan,
                                   today: CalendarDate, now: Timestamp) -> Employee {
        let pause = SubscriptionRules.pause(absences: entry.absences, today: today)
        let subscription = Subscription(
            startAt: SubscriptionRules.startAt(startDate: entry.startDate, today: today),
            pausedAt: pause?.pausedAt, reactivatedAt: pause?.reactivatedAt,
            cancelledAt: entry.terminationDate.map(SubscriptionRules.cancelledAt(terminationDate:)))
        return Employee(id: 0, companyId: companyId, firstName: entry.firstName, lastName: entry.lastName,
                        email: entry.email, dateOfBirth: entry.dateOfBirth, profileImage: entry.profileImage,
                        startDate: entry.startDate, terminationDate: entry.terminationDate, absences: entry.absences,
                        subscription: subscription, plan: plan, createdAt: now, updatedAt: now)
    }

    /// The offboarded record (spec §8.3 Offboard): terminated today unless a date is known,
    /// covered to the end of the current month at most.
    public static func offboardedEmployee(_ old: Employee, today: CalendarDate) -> Employee {
        var new = old
        if new.terminationDate == nil { new.terminationDate = today }
        let endOfMonth = today.yearMonth.lastDay
        new.subscription.cancelledAt = min(old.subscription.cancelledAt ?? endOfMonth, endOfMonth)
        return new
    }

    /// Public names of the fields that differ, in `PlannedUpdate.changedFields` order.
    public static func changedFields(from old: Employee, to new: Employee) -> [String] {
        var fields: [String] = []
        if old.firstName != new.firstName { fields.append("firstName") }
        if old.lastName != new.lastName { fields.append("lastName") }
        if old.email != new.email { fields.append("email") }
        if old.dateOfBirth != new.dateOfBirth { fields.append("dateOfBirth") }
        if old.profileImage != new.profileImage { fields.append("profileImage") }
        if old.startDate != new.startDate { fields.append("startDate") }
        if old.terminationDate != new.terminationDate { fields.append("terminationDate") }
        if old.absences != new.absences { fields.append("absences") }
        if old.subscription != new.subscription { fields.append("subscription") }
        return fields
    }
}

/// The name clients see the links under (spec §6.1, misspelled on purpose).
private let linksField = "hrIntergartionLinks"

/// Mutable state of one planning pass.
private struct Builder {
    let input: SyncInput
    let linkedByHrId: [String: LinkedEmployee]
    var plan: SyncPlan
    var emailIssues: [RosterIssue] = []
    var seenHrIds: Set<String> = []

    init(input: SyncInput) {
        self.input = input
        var byHrId: [String: LinkedEmployee] = [:]
        for linked in input.linked { byHrId[linked.link.hrId] = linked }
        linkedByHrId = byHrId
        plan = SyncPlan(syncId: input.roster.syncId)
    }

    var today: CalendarDate { input.today }

    mutating func apply(_ entry: RosterEntry, at index: Int) {
        seenHrIds.insert(entry.hrId)
        let emailKey = entry.emailKey
        if let match = linkedByHrId[entry.hrId] {
            let employee = match.employee
            if entry.isManaged, emailKey != employee.email.lowercased(),
               let owner = input.takenEmails[emailKey], owner != employee.id {
                emailTaken(at: index)
                return
            }
            var link = match.link
            link.lastSyncId = input.roster.syncId
            link.lastSynced = input.now
            link.offboardedAt = nil
            addLink(link, managed: entry.isManaged)
            guard entry.isManaged else {
                skip(entry, employeeId: employee.id)
                return
            }
            let rehire = match.link.offboardedAt != nil
            let fields = update(employee, with: entry, rehire: rehire)
            if rehire {
                plan.updated += 1
                plan.changes.append(SyncChange(hrId: entry.hrId, employeeId: employee.id, action: .rehire,
                                               fields: fields + [linksField]))
            } else if fields.isEmpty {
                plan.unchanged += 1
                plan.changes.append(SyncChange(hrId: entry.hrId, employeeId: employee.id, action: .unchanged))
            } else {
                plan.updated += 1
                plan.changes.append(SyncChange(hrId: entry.hrId, employeeId: employee.id, action: .update,
                                               fields: fields))
            }
        } else if let employee = input.unlinkedByEmail[emailKey] {
            addLink(EmployeeLink(employeeId: employee.id, integrationId: input.integrationId, hrId: entry.hrId,
                                 lastSyncId: input.roster.syncId, lastSynced: input.now),
                    managed: entry.isManaged)
            guard entry.isManaged else {
                skip(entry, employeeId: employee.id)
                return
            }
            let fields = update(employee, with: entry, rehire: false)
            plan.updated += 1
            plan.changes.append(SyncChange(hrId: entry.hrId, employeeId: employee.id, action: .update,
                                           fields: fields + [linksField]))
        } else if !entry.isManaged {
            skip(entry, employeeId: nil)
        } else if input.takenEmails[emailKey] != nil {
            emailTaken(at: index)
        } else {
            let employee = SyncPlanner.newEmployee(from: entry, companyId: input.companyId, plan: input.defaultPlan,
                                                   today: today, now: input.now)
            plan.creates.append(PlannedEmployee(rosterIndex: index, hrId: entry.hrId, employee: employee))
            addLink(EmployeeLink(employeeId: 0, integrationId: input.integrationId, hrId: entry.hrId,
                                 lastSyncId: input.roster.syncId, lastSynced: input.now),
                    managed: true)
            plan.added += 1
            plan.subscriptionEvents.append(.new(rosterIndex: index))
            plan.changes.append(SyncChange(hrId: entry.hrId, employeeId: nil, action: .add))
        }
    }

    mutating func offboard(_ linked: LinkedEmployee) {
        let fields = record(linked.employee, SyncPlanner.offboardedEmployee(linked.employee, today: today))
        var link = linked.link
        link.offboardedAt = input.now
        plan.links.append(link)
        plan.offboarded += 1
        plan.changes.append(SyncChange(hrId: link.hrId, employeeId: linked.employee.id, action: .offboard,
                                       fields: fields))
    }

    /// Plans the entry's changes to an existing employee; returns the changed fields.
    private mutating func update(_ old: Employee, with entry: RosterEntry, rehire: Bool) -> [String] {
        record(old, SyncPlanner.updatedEmployee(old, with: entry, rehire: rehire, today: today))
    }

    /// Adds an update (and an event) if `new` differs from `old`.
    private mutating func record(_ old: Employee, _ candidate: Employee) -> [String] {
        let fields = SyncPlanner.changedFields(from: old, to: candidate)
        guard !fields.isEmpty else { return [] }
        var new = candidate
        new.updatedAt = input.now
        let subscriptionChanged = SubscriptionView(old, on: today) != SubscriptionView(new, on: today)
        plan.updates.append(PlannedUpdate(employeeId: old.id, employee: new, changedFields: fields,
                                          subscriptionChanged: subscriptionChanged))
        if subscriptionChanged { plan.subscriptionEvents.append(.existing(employeeId: old.id)) }
        return fields
    }

    private mutating func addLink(_ link: EmployeeLink, managed: Bool) {
        plan.links.append(link)
        if !managed { plan.unmanagedHrIds.insert(link.hrId) }
    }

    private mutating func skip(_ entry: RosterEntry, employeeId: Int64?) {
        plan.skipped += 1
        plan.changes.append(SyncChange(hrId: entry.hrId, employeeId: employeeId, action: .skip))
    }

    private mutating func emailTaken(at index: Int) {
        emailIssues.append(RosterIssue(field: "employees[\(index)].email", code: "email-taken",
                                       message: "belongs to another employee of the company"))
    }
}
