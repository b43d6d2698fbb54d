import HTTPServer
import JobTicketCore
import JobTicketStore

/// List Employees and Get Employee (spec §7).
struct EmployeeHandlers: Sendable {
    let services: APIServices

    var routes: [Route] {
        [
            Route("GET", "/employees", requirement: .permissions([.viewEmployees]), handler: list),
            Route("GET", "/employees/{id}", requirement: .permissions([.viewEmployees]), handler: get),
        ]
    }

    func list(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let query = QueryParameters(request: request)
        let page = try query.page()
        let sorting: Sorting<EmployeeSortField> = try query.sorting(default: .id)
        let filter = EmployeeFilter(
            statuses: try query.set("status"), planTypes: try query.set("planType"),
            email: try query.string("email", maximumLength: 254), ids: try query.ids("ids", maximum: EmployeeFilter.maximumIds),
            hrIntegrationId: try query.id("hrIntegrationId"))
        let today = services.clock.today
        let (employees, links) = try await services.store.read { transaction in
            let employees = try transaction.employees(companyId: companyId, filter: filter, sorting: sorting, page: page, today: today)
            return (employees, try transaction.links(employeeIds: employees.items.map(\.id), companyId: companyId))
        }
        return ListEnvelope.response(employees) { employee in
            EmployeeWire.resource(employee, links: links[employee.id] ?? [], today: today, urls: services.links)
        }
    }

    func get(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let companyId = try services.companyId(context)
        let id = try PathParameters.id(context)
        let found = try await services.store.read { transaction -> (Employee, [EmployeeLink])? in
            guard let employee = try transaction.employee(id: id, companyId: companyId) else { return nil }
            return (employee, try transaction.links(employeeIds: [id], companyId: companyId)[id] ?? [])
        }
        guard let (employee, links) = found else { throw APIError.notFound("No employee \(id).") }
        return .data(EmployeeWire.resource(employee, links: links, today: services.clock.today, urls: services.links))
    }
}
