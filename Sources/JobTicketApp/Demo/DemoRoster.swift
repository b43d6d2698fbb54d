import Foundation
import JobTicketCore

/// The demo company's employees: every subscription status and both plan types, relative to
/// today, so the demo always shows a living API.
enum DemoRoster {
    static let companyName = "JobTicket Demo GmbH"
    static let keyName = "Demo key"
    static let contribution = Money(cents: 2900)

    private static let firstNames = ["Anna", "Jürgen", "Sophie", "Mehmet", "Lena", "Lukas", "Zoë", "Björn", "Marie", "Jonas",
                                     "Fatma", "Felix", "Emma", "Paul", "Hannah", "Noah"]
    private static let lastNames = ["Müller", "Schmidt", "Weiß", "Yılmaz", "Becker", "Hoffmann", "Schäfer", "Koch", "Groß",
                                    "Wagner", "Krüger", "Wolf", "Neumann", "Schröder", "Braun", "Zimmermann"]

    /// The `index`-th demo employee (not yet stored: id 0).
    static func employee(_ index: Int, companyId: Int64, today: CalendarDate, now: Timestamp) -> Employee {
        let month = today.yearMonth
        let status = SubscriptionStatus.allCases[index % SubscriptionStatus.allCases.count]
        let firstName = firstNames[index % firstNames.count]
        let lastName = lastNames[(index / firstNames.count + index) % lastNames.count]
        let planType: PlanType = index % 3 == 2 ? .fullySubsidized : .splitPay
        var subscription = Subscription(startAt: month.adding(months: -3).firstDay)
        var contract = ContractSigningStatus.accepted
        var terminationDate: CalendarDate?
        var absences: [Absence] = []
        switch status {
        case .pending:
            subscription.startAt = month.next.firstDay
            contract = .pending
        case .active:
            break
        case .scheduledPause:
            let pause = month.adding(months: 2)
            subscription.pausedAt = pause.firstDay
            subscription.reactivatedAt = pause.next.firstDay
            absences = [Absence(startDate: pause.firstDay, endDate: pause.lastDay, type: "parental-leave")]
        case .paused:
            subscription.pausedAt = month.firstDay
            subscription.reactivatedAt = month.adding(months: 2).firstDay
            absences = [Absence(startDate: month.firstDay, endDate: month.next.lastDay, type: "sabbatical")]
        case .scheduledCancellation:
            terminationDate = month.lastDay
            subscription.cancelledAt = month.lastDay
        case .cancelled:
            terminationDate = month.adding(months: -1).lastDay
            subscription.cancelledAt = month.adding(months: -1).lastDay
        }
        let number = CalendarDate.pad(index + 1, 4)
        return Employee(
            id: 0, companyId: companyId, firstName: firstName, lastName: lastName,
            email: "\(ascii(firstName)).\(ascii(lastName)).\(number)@demo.example".lowercased(),
            dateOfBirth: CalendarDate(year: 1970 + index % 35, month: index % 12 + 1, day: index % 28 + 1),
            profileImage: nil, startDate: subscription.startAt, terminationDate: terminationDate, absences: absences,
            subscription: subscription,
            plan: Plan(type: planType, contractSigningStatus: contract, employeeContribution: planType == .splitPay ? contribution : nil),
            createdAt: now, updatedAt: now)
    }

    static func hrId(_ index: Int) -> String {
        "DEMO-" + CalendarDate.pad(index + 1, 4)
    }

    /// E-mail-safe spelling of a name.
    private static func ascii(_ name: String) -> String {
        name.replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ß", with: "ss")
            .replacingOccurrences(of: "ë", with: "e").replacingOccurrences(of: "ı", with: "i")
    }
}
