import JobTicketCore
import JobTicketStore

/// Creates the demo company's data inside one transaction, or finds what exists.
struct DemoSeeder {
    struct Credentials {
        let companyId: Int64
        let keyId: String
        let secret: String
        let integrationId: Int64
        let employees: Int
    }

    let deployment: Deployment
    let transaction: StoreTransaction

    func ensure(employees count: Int) throws -> Credentials {
        if let company = try transaction.company(named: DemoRoster.companyName) {
            return try existing(company)
        }
        let now = deployment.clock.timestamp
        let today = deployment.clock.today
        let company = try transaction.insertCompany(name: DemoRoster.companyName, apiAccessEnabled: true, defaultPlanType: .splitPay,
                                                    defaultContribution: DemoRoster.contribution, at: now)
        let integration = try transaction.insertHRIntegration(companyId: company.id, name: HRIntegration.defaultName, at: now)
        try transaction.setHRIntegrationStatus(id: integration.id, companyId: company.id, status: .active, at: now)
        let (key, secret) = try KeyIssuer(deployment: deployment).create(
            in: transaction, companyId: company.id, name: DemoRoster.keyName, permissions: Set(Permission.allCases),
            rateLimit: nil, expiresAt: nil)
        let publisher = DocumentPublisher(deployment: deployment)
        for index in 0..<count {
            let employee = try transaction.insertEmployee(DemoRoster.employee(index, companyId: company.id, today: today, now: now))
            try transaction.upsertLink(EmployeeLink(employeeId: employee.id, integrationId: integration.id, hrId: DemoRoster.hrId(index),
                                                    lastSyncId: "demo-seed", lastSynced: now))
            try addInvoice(for: employee, company: company, today: today, publisher: publisher)
            if index == 0 {
                _ = try publisher.add(in: transaction, employeeId: employee.id, companyId: company.id, name: "Signed Job Ticket Contract",
                                      downloadable: false, bytes: InvoicePDF.render(invoice(for: employee, company: company, month: today.yearMonth,
                                                                                            title: "Signed Job Ticket Contract")))
            }
        }
        try transaction.insertSyncRun(SyncRun(integrationId: integration.id, syncId: "demo-seed", status: .applied, startedAt: now,
                                              finishedAt: now, added: count, updated: 0, offboarded: 0, unchanged: 0, skipped: 0,
                                              payloadSHA256: Crypto.hex(Crypto.sha256(Array("demo-seed".utf8))), keyId: nil))
        return Credentials(companyId: company.id, keyId: key.idString, secret: secret.value, integrationId: integration.id,
                           employees: count)
    }

    /// The demo as it is: its first usable key (a new one if all were disabled or deleted).
    private func existing(_ company: Company) throws -> Credentials {
        let issuer = KeyIssuer(deployment: deployment)
        let usable = try transaction.apiKeys(companyId: company.id).first { key in
            key.status == .enabled && key.name == DemoRoster.keyName && key.environment == deployment.configuration.environment
                && !key.isExpired(at: deployment.clock.timestamp)
        }
        let keyId: String
        let secret: String
        if let usable, let revealed = issuer.reveal(usable) {
            keyId = usable.idString
            secret = revealed
        } else {
            let (key, created) = try issuer.create(in: transaction, companyId: company.id, name: DemoRoster.keyName,
                                                   permissions: Set(Permission.allCases), rateLimit: nil, expiresAt: nil)
            keyId = key.idString
            secret = created.value
        }
        if !company.apiAccessEnabled { try transaction.setAPIAccess(companyId: company.id, enabled: true) }
        let integration = try transaction.hrIntegrations(companyId: company.id, status: [], sorting: Sorting(field: .id, order: .asc),
                                                         page: PageRequest(page: 1, perPage: 1)).items.first
        let integrationId = try integration?.id ?? transaction.insertHRIntegration(companyId: company.id, name: HRIntegration.defaultName,
                                                                                   at: deployment.clock.timestamp).id
        let employees = try transaction.employees(companyId: company.id, filter: EmployeeFilter(), sorting: Sorting(field: .id, order: .asc),
                                                  page: PageRequest(page: 1, perPage: 1), today: deployment.clock.today).total
        return Credentials(companyId: company.id, keyId: keyId, secret: secret, integrationId: integrationId, employees: employees)
    }

    private func addInvoice(for employee: Employee, company: Company, today: CalendarDate, publisher: DocumentPublisher) throws {
        guard employee.contractAccepted, employee.subscription.startAt < today.yearMonth.firstDay else { return }
        let month = today.yearMonth.adding(months: -1)
        let title = "\(Self.monthName(month)) Transit Invoice"
        _ = try publisher.add(in: transaction, employeeId: employee.id, companyId: company.id, name: title, downloadable: true,
                              bytes: InvoicePDF.render(invoice(for: employee, company: company, month: month, title: title)))
    }

    private func invoice(for employee: Employee, company: Company, month: YearMonth, title: String) -> TransitInvoice {
        TransitInvoice(title: title, companyName: company.name, employeeName: "\(employee.firstName) \(employee.lastName)",
                       month: month.description, amountLabel: employee.plan.employeeContribution?.label ?? "€0.00",
                       invoiceNumber: "INV-\(month.year)\(CalendarDate.pad(month.month, 2))-\(CalendarDate.pad(Int(employee.id), 6))")
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                     "October", "November", "December"]

    static func monthName(_ month: YearMonth) -> String {
        "\(monthNames[month.month - 1]) \(month.year)"
    }
}
