/// One validated employee of a sync roster (spec §8, request body `employees[i]`).
public struct RosterEntry: Sendable, Hashable {
    public var firstName: String
    public var lastName: String
    /// Kept exactly as the HR system sent it; compared lowercased (`emailKey`).
    public var email: String
    public var profileImage: String?
    public var dateOfBirth: CalendarDate?
    public var hrId: String
    public var startDate: CalendarDate
    public var terminationDate: CalendarDate?
    /// `false`: recorded but not managed by the sync; `nil`/`true`: managed.
    public var autoSyncEmployee: Bool?
    public var absences: [Absence]

    public init(firstName: String, lastName: String, email: String, profileImage: String? = nil,
                dateOfBirth: CalendarDate? = nil, hrId: String, startDate: CalendarDate,
                terminationDate: CalendarDate? = nil, autoSyncEmployee: Bool? = nil, absences: [Absence] = []) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.profileImage = profileImage
        self.dateOfBirth = dateOfBirth
        self.hrId = hrId
        self.startDate = startDate
        self.terminationDate = terminationDate
        self.autoSyncEmployee = autoSyncEmployee
        self.absences = absences
    }

    /// Whether the sync applies changes to this employee (`autoSyncEmployee` is not `false`).
    public var isManaged: Bool { autoSyncEmployee != false }

    /// The e-mail as it is compared: lowercased.
    public var emailKey: String { email.lowercased() }
}
