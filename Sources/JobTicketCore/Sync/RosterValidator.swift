/// Turns a sync request body into a `Roster`, or reports every problem with it (spec §8.1).
///
/// Two tiers, because they map to different HTTP statuses: a body that is not an object or a
/// present field of the wrong JSON type is *malformed* (400) and only those problems are
/// reported; otherwise every business problem is reported (422). `null` counts as absent, so a
/// `null` required field is `required` (422), not a type error.
///
/// Issues come in a stable order: `syncId`, then each entry in array order, within an entry
/// the fields in the order the spec lists them (not the JSON key order), absences last, and
/// within the absences first each absence's own problems, then `overlapping`.
/// Duplicates (`duplicate-hr-id`, `duplicate-email`) are reported on the later entry.
///
/// Bounded work for hostile bodies: at most `maximumIssues` issues of each tier are recorded
/// (the walk stops at the 100th type problem, as nothing after it can change the answer), a
/// roster of more than `maximumEmployees` entries is refused before its entries are looked at,
/// and an entry of more than `maximumAbsences` absences likewise; overlaps are found by
/// sorting, not by comparing every pair.
public enum RosterValidator {
    public static let maxSyncIdLength = 128
    public static let maxNameLength = 100
    public static let maxEmailLength = 254
    public static let maxHrIdLength = 128
    public static let maxProfileImageLength = 2048
    public static let maxAbsenceTypeLength = 100

    /// Issues recorded per tier; the rest are dropped (the problem's `errors` shows 100 anyway).
    public static let maximumIssues = 100
    /// Entries per roster; more → one `employees` `too-many` issue.
    public static let maximumEmployees = 200_000
    /// Absences per entry; more → one `employees[i].absences` `too-many` issue.
    public static let maximumAbsences = 100

    /// Every roster date (start, termination, birth, absence start and end) lies in this range.
    /// Far beyond any real employment, and it keeps month arithmetic on the dates (next month,
    /// last day of the month) well inside what `CalendarDate` represents.
    public static let earliestDate = CalendarDate(year: 1900, month: 1, day: 1)!
    public static let latestDate = CalendarDate(year: 2199, month: 12, day: 31)!

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
        case .array(let items) where items.count > maximumEmployees:
            check.fail("employees", "too-many", "must have at most \(maximumEmployees) entries")
        case .array(let items):
            entries.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                if let entry = check.entry(item, path: "employees[\(index)]") { entries.append(entry) }
                // Type problems win and only the first `maximumIssues` are shown: the answer is fixed.
                if check.typeIssues.count >= maximumIssues { break }
            }
        case let other:
            check.wrongType("employees", expected: "an array", got: other)
        }
        if !check.typeIssues.isEmpty {
            return .failure(RosterRejection(kind: .malformedTypes, issues: check.typeIssues, problemCount: check.typeProblemCount))
        }
        if !check.issues.isEmpty {
            return .failure(RosterRejection(kind: .invalid, issues: check.issues, problemCount: check.problemCount))
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

    /// A C0 control character (U+0000–U+001F) or DEL (U+007F). Such text is refused in names,
    /// e-mail, hrId, profile image and absence type: a NUL truncates the value in SQLite (two
    /// distinct hrIds would collide) and the others corrupt CSV exports, logs and PDFs.
    public static func containsControlCharacters(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F }
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
    /// The first `RosterValidator.maximumIssues` of each tier.
    var typeIssues: [RosterIssue] = []
    var issues: [RosterIssue] = []
    /// Every problem found per tier, recorded or not (the type count stops where the walk
    /// does, at `maximumIssues`). Whether an entry is usable depends on these.
    var typeProblemCount = 0
    var problemCount = 0
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
        problemCount += 1
        guard issues.count < RosterValidator.maximumIssues else { return }
        issues.append(RosterIssue(field: field, code: code, message: message))
    }

    mutating func wrongType(_ field: String, expected: String, got value: JSONValue) {
        typeProblemCount += 1
        guard typeIssues.count < RosterValidator.maximumIssues else { return }
        typeIssues.append(RosterIssue(field: field, code: "invalid-type",
                                      message: "must be \(expected), not \(value.kindName)"))
    }

    /// Reports control characters; `true` when there are none.
    mutating func printable(_ text: String, _ field: String) -> Bool {
        guard RosterValidator.containsControlCharacters(text) else { return true }
        fail(field, "invalid-characters", "must not contain control characters")
        return false
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
            guard date >= RosterValidator.earliestDate, date <= RosterValidator.latestDate else {
                fail(field, "out-of-range",
                     "must be between \(RosterValidator.earliestDate) and \(RosterValidator.latestDate)")
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
        let problemsBefore = problemCount + typeProblemCount
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
        guard problemCount + typeProblemCount == problemsBefore,
              let firstName, let lastName, let email, let hrId, let startDate, let absences else { return nil }
        return RosterEntry(firstName: firstName, lastName: lastName, email: email, profileImage: profileImage,
                           dateOfBirth: dateOfBirth, hrId: hrId, startDate: startDate,
                           terminationDate: terminationDate, autoSyncEmployee: autoSync, absences: absences)
    }

    mutating func name(_ value: JSONValue?, _ field: String) -> String? {
        guard let text = requiredString(value, field),
              length(text, text.count, min: 1, max: RosterValidator.maxNameLength, field),
              printable(text, field) else { return nil }
        return text
    }

    mutating func email(_ value: JSONValue?, _ field: String) -> String? {
        guard let text = requiredString(value, field) else { return nil }
        // Octets, as the SMTP limit is defined.
        if text.utf8.count > RosterValidator.maxEmailLength {
            fail(field, "too-long", "must be at most \(RosterValidator.maxEmailLength) characters")
            return nil
        }
        guard printable(text, field) else { return nil }
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
              length(text, text.count, min: 1, max: RosterValidator.maxHrIdLength, field),
              printable(text, field) else { return nil }
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
        guard printable(text, field) else { return nil }
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
        guard items.count <= RosterValidator.maximumAbsences else {
            fail(field, "too-many", "must have at most \(RosterValidator.maximumAbsences) entries")
            return nil
        }
        var result: [Absence] = []
        /// Array index of each element of `result`.
        var indexes: [Int] = []
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
            case .value(let text):
                if length(text, text.count, min: 0, max: RosterValidator.maxAbsenceTypeLength, "\(path).type"),
                   printable(text, "\(path).type") {
                    type = text
                } else {
                    endOK = false
                }
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
            result.append(Absence(startDate: start, endDate: end, type: type))
            indexes.append(index)
        }
        let overlapping = Self.overlapping(result, indexes: indexes)
        for index in overlapping {
            fail("\(field)[\(index)]", "overlapping", "overlaps another absence")
        }
        return usable && overlapping.isEmpty ? result : nil
    }

    /// Array indexes (ascending) of the absences reported as `overlapping`: of each overlapping
    /// pair the later one in array order, which then no longer counts for further overlaps.
    ///
    /// A sweep in order of start date (ties by array index), O(n log n): the absences kept so
    /// far are disjoint, so only the last kept one (the one reaching furthest; a missing end
    /// date is open-ended) can overlap the next. If the next one starts on or before its end,
    /// the later of the two in array order is reported and dropped; when that is the kept one,
    /// the one before it ended before it started, so the next one becomes the last kept one.
    static func overlapping(_ absences: [Absence], indexes: [Int]) -> [Int] {
        let order = absences.indices.sorted {
            (absences[$0].startDate, indexes[$0]) < (absences[$1].startDate, indexes[$1])
        }
        var reported: [Int] = []
        var last: Int?
        for current in order {
            guard let kept = last,
                  absences[kept].endDate.map({ absences[current].startDate <= $0 }) ?? true else {
                last = current
                continue
            }
            if indexes[current] > indexes[kept] {
                reported.append(indexes[current])
            } else {
                reported.append(indexes[kept])
                last = current
            }
        }
        return reported.sorted()
    }
}
