/// Turns a sync request body into a `Roster`, or reports every problem with it (spec §8.1).
///
/// Two tiers, because they map to different HTTP statuses: a body that is not an object or a
/// present field of the wrong JSON type is *malformed* (400) and only those problems are
/// reported; otherwise every business problem is reported (422). `null` counts as absent, so a
/// `null` required field is `required` (422), not a type error.
///
/// Issues come in a stable order: `syncId`, then each entry in array order, within an entry
/// the fields in the order the spec lists them (not the JSON key order), absences last.
/// Duplicates (`duplicate-hr-id`, `duplicate-email`) are reported on the later entry.
public enum RosterValidator {
    public static let maxSyncIdLength = 128
    public static let maxNameLength = 100
    public static let maxEmailLength = 254
    public static let maxHrIdLength = 128
    public static let maxProfileImageLength = 2048

    public static func validate(_ body: JSONValue, today: CalendarDate) -> Result<Roster, RosterRejection> {
        var check = Checker(today: today)
        guard case .object = body else {
            return .failure(RosterRejection(kind: .malformedTypes, issues: [
                RosterIssue(field: "body", code: "invalid-type", message: "must be a JSON object"),
            ]))
        }
        let syncId = check.syncId(body["syncId"])
        var entries: [RosterEntry] = []
        switch body["employees"] ?? .null {
        case .null:
            check.fail("employees", "required", "is required")
        case .array(let items):
            entries.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                if let entry = check.entry(item, path: "employees[\(index)]") { entries.append(entry) }
            }
        case let other:
            check.wrongType("employees", expected: "an array", got: other)
        }
        if !check.typeIssues.isEmpty {
            return .failure(RosterRejection(kind: .malformedTypes, issues: check.typeIssues))
        }
        if !check.issues.isEmpty {
            return .failure(RosterRejection(kind: .invalid, issues: check.issues))
        }
        guard let syncId else {
            preconditionFailure("a roster without issues has a syncId")
        }
        return .success(Roster(syncId: syncId, entries: entries))
    }

    /// Plausible e-mail address: one `@`, non-empty local part, a dotted domain without empty
    /// labels, no whitespace or control characters. Deliberately not RFC 5322: HR systems send
    /// ordinary addresses and the job-ticket provider must be able to deliver to them.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        guard !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// An absolute `https://` URL with a host and no whitespace.
    public static func isHTTPSURL(_ text: String) -> Bool {
        let scheme = "https://"
        guard text.count > scheme.count, text.prefix(scheme.count).lowercased() == scheme else { return false }
        let rest = text.dropFirst(scheme.count)
        guard let hostStart = rest.first, hostStart != "/", hostStart != "?", hostStart != "#" else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
    }
}

/// Accumulates issues of both tiers while walking the body once.
private struct Checker {
    let today: CalendarDate
    var typeIssues: [RosterIssue] = []
    var issues: [RosterIssue] = []
    var seenHrIds: Set<String> = []
    var seenEmails: Set<String> = []

    init(today: CalendarDate) {
        self.today = today
    }

    /// A field's raw value, classified.
    enum Read<Value> {
        case absent
        case value(Value)
        /// Wrong JSON type; already recorded.
        case wrongType
    }

    mutating func fail(_ field: String, _ code: String, _ message: String) {
        issues.append(RosterIssue(field: field, code: code, message: message))
    }

    mutating func wrongType(_ field: String, expected: String, got value: JSONValue) {
        typeIssues.append(RosterIssue(field: field, code: "invalid-type",
                                      message: "must be \(expected), not \(value.kindName)"))
    }

    mutating func string(_ value: JSONValue?, _ field: String) -> Read<String> {
        switch value ?? .null {
        case .null: return .absent
        case .string(let text): return .value(text)
        case let other:
            wrongType(field, expected: "a string", got: other)
            return .wrongType
        }
    }

    /// A required string; reports `required` when absent.
    mutating func requiredString(_ value: JSONValue?, _ field: String) -> String? {
        switch string(value, field) {
        case .value(let text): return text
        case .absent:
            fail(field, "required", "is required")
            return nil
        case .wrongType: return nil
        }
    }

    mutating func date(_ value: JSONValue?, _ field: String) -> Read<CalendarDate?> {
        switch string(value, field) {
        case .absent: return .absent
        case .wrongType: return .wrongType
        case .value(let text):
            guard let date = CalendarDate(text) else {
                fail(field, "invalid-format", "must be a date in the form YYYY-MM-DD")
                return .value(nil)
            }
            return .value(date)
        }
    }

    mutating func requiredDate(_ value: JSONValue?, _ field: String) -> CalendarDate? {
        switch date(value, field) {
        case .absent:
            fail(field, "required", "is required")
            return nil
        case .wrongType: return nil
        case .value(let date): return date
        }
    }

    mutating func length(_ text: String, _ count: Int, min: Int, max: Int, _ field: String) -> Bool {
        if count < min {
            fail(field, "too-short", min == 1 ? "must not be empty" : "must be at least \(min) characters")
            return false
        }
        if count > max {
            fail(field, "too-long", "must be at most \(max) characters")
            return false
        }
        return true
    }

    mutating func syncId(_ value: JSONValue?) -> String? {
        guard let text = requiredString(value, "syncId") else { return nil }
        let bytes = text.utf8
        guard length(text, bytes.count, min: 1, max: RosterValidator.maxSyncIdLength, "syncId") else { return nil }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            fail("syncId", "invalid-format", "must consist of printable ASCII characters without whitespace")
            return nil
        }
        return text
    }

    mutating func entry(_ item: JSONValue, path: String) -> RosterEntry? {
        guard case .object = item else {
            wrongType(path, expected: "an object", got: item)
            return nil
        }
        let issuesBefore = issues.count + typeIssues.count
        let firstName = name(item["firstName"], "\(path).firstName")
        let lastName = name(item["lastName"], "\(path).lastName")
        let email = email(item["email"], "\(path).email")
        let profileImage = profileImage(item["profileImage"], "\(path).profileImage")
        var dateOfBirth: CalendarDate?
        if case .value(let date?) = date(item["dateOfBirth"], "\(path).dateOfBirth") {
            if date > today {
                fail("\(path).dateOfBirth", "in-future", "must not be in the future")
            } else {
                dateOfBirth = date
            }
        }
        let hrId = hrId(item["hrId"], "\(path).hrId")
        let startDate = requiredDate(item["startDate"], "\(path).startDate")
        var terminationDate: CalendarDate?
        if case .value(let date?) = date(item["terminationDate"], "\(path).terminationDate") {
            if let startDate, date < startDate {
                fail("\(path).terminationDate", "before-start-date", "must not be before startDate")
            } else {
                terminationDate = date
            }
        }
        var autoSync: Bool?
        switch item["autoSyncEmployee"] ?? .null {
        case .null: break
        case .bool(let flag): autoSync = flag
        case let other: wrongType("\(path).autoSyncEmployee", expected: "a boolean or null", got: other)
        }
        let absences = absences(item["absences"], "\(path).absences")
        guard issues.count + typeIssues.count == issuesBefore,
              let firstName, let lastName, let email, let hrId, let startDate, let absences else { return nil }
        return RosterEntry(firstName: firstName, lastName: lastName, email: email, profileImage: profileImage,
                           dateOfBirth: dateOfBirth, hrId: hrId, startDate: startDate,
                           terminationDate: terminationDate, autoSyncEmployee: autoSync, absences: absences)
    }

    mutating func name(_ value: JSONValue?, _ field: String) -> String? {
        guard let text = requiredString(value, field),
              length(text, text.count, min: 1, max: RosterValidator.maxNameLength, field) else { return nil }
        return text
    }

    mutating func email(_ value: JSONValue?, _ field: String) -> String? {
        guard let text = requiredString(value, field) else { return nil }
        // Octets, as the SMTP limit is defined.
        if text.utf8.count > RosterValidator.maxEmailLength {
            fail(field, "too-long", "must be at most \(RosterValidator.maxEmailLength) characters")
            return nil
        }
        guard RosterValidator.isPlausibleEmail(text) else {
            fail(field, "invalid-email", "is not a valid e-mail address")
            return nil
        }
        guard seenEmails.insert(text.lowercased()).inserted else {
            fail(field, "duplicate-email", "is used by another employee in this roster")
            return nil
        }
        return text
    }

    mutating func hrId(_ value: JSONValue?, _ field: String) -> String? {
        guard let text = requiredString(value, field),
              length(text, text.count, min: 1, max: RosterValidator.maxHrIdLength, field) else { return nil }
        guard seenHrIds.insert(text).inserted else {
            fail(field, "duplicate-hr-id", "is used by another employee in this roster")
            return nil
        }
        return text
    }

    mutating func profileImage(_ value: JSONValue?, _ field: String) -> String? {
        guard case .value(let text) = string(value, field) else { return nil }
        if text.utf8.count > RosterValidator.maxProfileImageLength {
            fail(field, "too-long", "must be at most \(RosterValidator.maxProfileImageLength) characters")
            return nil
        }
        guard RosterValidator.isHTTPSURL(text) else {
            fail(field, "not-https", "must be an https URL")
            return nil
        }
        return text
    }

    /// `nil` when the list is unusable; absent or `null` means no absences.
    mutating func absences(_ value: JSONValue?, _ field: String) -> [Absence]? {
        let items: [JSONValue]
        switch value ?? .null {
        case .null: return []
        case .array(let array): items = array
        case let other:
            wrongType(field, expected: "an array", got: other)
            return nil
        }
        var result: [Absence] = []
        var usable = true
        for (index, item) in items.enumerated() {
            let path = "\(field)[\(index)]"
            guard case .object = item else {
                wrongType(path, expected: "an object", got: item)
                usable = false
                continue
            }
            let start = requiredDate(item["startDate"], "\(path).startDate")
            var end: CalendarDate?
            var endOK = true
            switch date(item["endDate"], "\(path).endDate") {
            case .absent: break
            case .wrongType, .value(nil): endOK = false
            case .value(let date?): end = date
            }
            var type: String?
            switch string(item["type"], "\(path).type") {
            case .absent: break
            case .value(let text): type = text
            case .wrongType: endOK = false
            }
            guard let start, endOK else {
                usable = false
                continue
            }
            if let end, end < start {
                fail("\(path).endDate", "end-before-start", "must not be before startDate")
                usable = false
                continue
            }
            let absence = Absence(startDate: start, endDate: end, type: type)
            if result.contains(where: { Self.overlap($0, absence) }) {
                fail(path, "overlapping", "overlaps another absence")
                usable = false
                continue
            }
            result.append(absence)
        }
        return usable ? result : nil
    }

    /// Inclusive day ranges; a missing end date is open-ended.
    static func overlap(_ a: Absence, _ b: Absence) -> Bool {
        (b.endDate.map { a.startDate <= $0 } ?? true) && (a.endDate.map { b.startDate <= $0 } ?? true)
    }
}
