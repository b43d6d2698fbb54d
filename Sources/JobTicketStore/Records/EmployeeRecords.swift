import JobTicketCore

extension StoreTransaction {
    static let employeeColumns = """
        e.id, e.company_id, e.first_name, e.last_name, e.email, e.date_of_birth, e.profile_image, e.start_date,
        e.termination_date, e.absences, e.sub_start_at, e.sub_paused_at, e.sub_reactivated_at, e.sub_cancelled_at,
        e.plan_type, e.contract_status, e.contribution_cents, e.created_at, e.updated_at
        """

    /// Inserts a new employee (its `id` is ignored) and returns it with the id assigned.
    public func insertEmployee(_ employee: Employee) throws -> Employee {
        do {
            try connection.run("""
                INSERT INTO employees (company_id, first_name, last_name, email, email_lower, date_of_birth, profile_image,
                    start_date, termination_date, absences, sub_start_at, sub_paused_at, sub_reactivated_at, sub_cancelled_at,
                    plan_type, contract_status, contribution_cents, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [employee.companyId] + Self.employeeValues(employee))
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw StoreError.conflict("an employee with this e-mail exists in the company")
        }
        var stored = employee
        stored.id = connection.lastInsertRowId
        return stored
    }

    /// Writes every field of an existing employee of the same company.
    public func updateEmployee(_ employee: Employee) throws {
        do {
            try connection.run("""
                UPDATE employees SET first_name = ?, last_name = ?, email = ?, email_lower = ?, date_of_birth = ?,
                    profile_image = ?, start_date = ?, termination_date = ?, absences = ?, sub_start_at = ?, sub_paused_at = ?,
                    sub_reactivated_at = ?, sub_cancelled_at = ?, plan_type = ?, contract_status = ?, contribution_cents = ?,
                    created_at = ?, updated_at = ?
                WHERE id = ? AND company_id = ?
                """, Self.employeeValues(employee) + [employee.id, employee.companyId])
        } catch let error as SQLiteError where error.isConstraintViolation {
            throw StoreError.conflict("an employee with this e-mail exists in the company")
        }
        guard connection.changes == 1 else { throw StoreError.notFound("employee") }
    }

    public func employee(id: Int64, companyId: Int64) throws -> Employee? {
        try connection.row("SELECT \(Self.employeeColumns) FROM employees e WHERE e.id = ? AND e.company_id = ?",
                           [id, companyId], Self.decodeEmployee)
    }

    /// Every employee of a company, keyed by lower-cased e-mail.
    public func employeesByEmail(companyId: Int64) throws -> [String: Employee] {
        var result: [String: Employee] = [:]
        for employee in try connection.rows("SELECT \(Self.employeeColumns) FROM employees e WHERE e.company_id = ?",
                                            [companyId], Self.decodeEmployee) {
            result[employee.email.lowercased()] = employee
        }
        return result
    }

    public func employees(companyId: Int64, filter: EmployeeFilter, sorting: Sorting<EmployeeSortField>,
                          page: PageRequest, today: CalendarDate) throws -> Page<Employee> {
        var conditions = ["e.company_id = ?"]
        var values: [any SQLiteBindable] = [companyId]
        if !filter.statuses.isEmpty {
            conditions.append("(\(Self.statusExpression)) IN (\(Self.placeholders(filter.statuses.count)))")
            values += [today.description, today.description, today.description, today.description]
            values += filter.statuses.map(\.rawValue).sorted()
        }
        if !filter.planTypes.isEmpty {
            conditions.append("e.plan_type IN (\(Self.placeholders(filter.planTypes.count)))")
            values += filter.planTypes.map(\.rawValue).sorted()
        }
        if let email = filter.email {
            conditions.append("e.email_lower = ?")
            values.append(email.lowercased())
        }
        if !filter.ids.isEmpty {
            conditions.append("e.id IN (\(Self.placeholders(filter.ids.count)))")
            values += filter.ids.sorted()
        }
        if let integrationId = filter.hrIntegrationId {
            conditions.append("EXISTS (SELECT 1 FROM employee_links l WHERE l.employee_id = e.id AND l.integration_id = ?)")
            values.append(integrationId)
        }
        let column = switch sorting.field {
        case .id: "e.id"
        case .firstName: "e.first_name"
        case .lastName: "e.last_name"
        case .email: "e.email_lower"
        case .dateOfBirth: "e.date_of_birth"
        }
        return try self.page(Self.employeeColumns, from: "employees e", where: conditions.joined(separator: " AND "), values,
                             orderBy: Self.order(column, sorting.order, id: "e.id"), page: page, decode: Self.decodeEmployee)
    }

    /// The derived subscription status in SQL, mirroring `Subscription.status(on:contractAccepted:)`;
    /// takes today's date four times. Dates are ISO text, so text comparison is date comparison.
    static let statusExpression = """
        CASE
            WHEN e.sub_cancelled_at IS NOT NULL AND ? > e.sub_cancelled_at THEN 'cancelled'
            WHEN e.sub_cancelled_at IS NOT NULL THEN 'scheduled-cancellation'
            WHEN e.contract_status <> 'accepted' OR ? < e.sub_start_at THEN 'pending'
            WHEN e.sub_paused_at IS NOT NULL AND ? < e.sub_paused_at THEN 'scheduled-pause'
            WHEN e.sub_paused_at IS NOT NULL AND (e.sub_reactivated_at IS NULL OR ? < e.sub_reactivated_at) THEN 'paused'
            ELSE 'active'
        END
        """

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    private static func employeeValues(_ employee: Employee) -> [any SQLiteBindable] {
        [employee.firstName, employee.lastName, employee.email, employee.email.lowercased(),
         employee.dateOfBirth?.description, employee.profileImage, employee.startDate?.description,
         employee.terminationDate?.description, AbsenceCoding.encode(employee.absences),
         employee.subscription.startAt.description, employee.subscription.pausedAt?.description,
         employee.subscription.reactivatedAt?.description, employee.subscription.cancelledAt?.description,
         employee.plan.type.rawValue, employee.plan.contractSigningStatus.rawValue, employee.plan.employeeContribution?.cents,
         employee.createdAt.secondsSinceEpoch, employee.updatedAt.secondsSinceEpoch]
    }

    static func decodeEmployee(_ row: SQLiteStatement) -> Employee {
        let date = { (column: Int32) in row.optionalText(column).flatMap { CalendarDate($0) } }
        return Employee(
            id: row.int(0), companyId: row.int(1), firstName: row.text(2), lastName: row.text(3), email: row.text(4),
            dateOfBirth: date(5), profileImage: row.optionalText(6), startDate: date(7), terminationDate: date(8),
            absences: AbsenceCoding.decode(row.text(9)),
            subscription: Subscription(startAt: date(10) ?? CalendarDate(daysSinceEpoch: 0), pausedAt: date(11),
                                       reactivatedAt: date(12), cancelledAt: date(13)),
            plan: Plan(type: PlanType(rawValue: row.text(14)) ?? .fullySubsidized,
                       contractSigningStatus: ContractSigningStatus(rawValue: row.text(15)) ?? .pending,
                       employeeContribution: row.optionalInt(16).map { Money(cents: Int($0)) }),
            createdAt: Timestamp(secondsSinceEpoch: row.int(17)), updatedAt: Timestamp(secondsSinceEpoch: row.int(18)))
    }
}

extension StoreTransaction {
    /// The company of an employee, for operator commands that start from an employee id.
    public func companyIdOfEmployee(id: Int64) throws -> Int64? {
        try connection.row("SELECT company_id FROM employees WHERE id = ?", [id]) { $0.int(0) }
    }
}
