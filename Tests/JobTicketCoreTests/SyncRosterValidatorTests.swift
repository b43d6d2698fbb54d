import JobTicketCore
import Testing

private let today = SyncFixtures.date("2024-05-10")

/// A complete, valid entry as JSON pairs; `overrides` replace (or, with `nil`, remove) keys.
private func entryJSON(_ overrides: [String: JSONValue?] = [:], hrId: String = "emp_1",
                       email: String = "anna@example.com") -> JSONValue {
    var pairs: [(String, JSONValue)] = [
        ("firstName", .string("Anna")), ("lastName", .string("Müller")), ("email", .string(email)),
        ("profileImage", .null), ("dateOfBirth", .string("1990-04-15")), ("hrId", .string(hrId)),
        ("startDate", .string("2022-03-01")), ("terminationDate", .null), ("autoSyncEmployee", .null),
        ("absences", .array([])),
    ]
    for (key, value) in overrides {
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            if let value { pairs[index].1 = value } else { pairs.remove(at: index) }
        } else if let value {
            pairs.append((key, value))
        }
    }
    return .object(pairs)
}

private func body(syncId: JSONValue? = .string("sync-2024-05-14-001"), employees: JSONValue? = nil) -> JSONValue {
    var pairs: [(String, JSONValue)] = []
    if let syncId { pairs.append(("syncId", syncId)) }
    pairs.append(("employees", employees ?? .array([entryJSON()])))
    return .object(pairs)
}

private func absenceJSON(_ start: JSONValue?, _ end: JSONValue = .null, type: JSONValue = .null) -> JSONValue {
    var pairs: [(String, JSONValue)] = []
    if let start { pairs.append(("startDate", start)) }
    pairs.append(("endDate", end))
    pairs.append(("type", type))
    return .object(pairs)
}

/// `field code` lines of a rejection of the expected kind, or a failure marker.
private func issues(_ result: Result<Roster, RosterRejection>, kind: RosterRejection.Kind) -> [String] {
    switch result {
    case .success: return ["<accepted>"]
    case .failure(let rejection):
        guard rejection.kind == kind else { return ["<wrong kind \(rejection.kind)>"] }
        return rejection.issues.map { "\($0.field) \($0.code)" }
    }
}

private let long101 = String(repeating: "x", count: 101)

@Suite struct SyncRosterValidatorTests {
    @Test func acceptsTheDocumentedExampleAndMapsEveryField() throws {
        let text = """
        {"syncId": "sync-2024-05-14-001", "unknown": {"ignored": [1, 2]}, "employees": [
         {"firstName": "Anna", "lastName": "Müller", "email": "Anna.Mueller@Example.com",
          "profileImage": "https://img.example.com/a.png", "dateOfBirth": "1990-04-15", "hrId": "emp_HR_001",
          "startDate": "2022-03-01", "terminationDate": "2024-12-31", "autoSyncEmployee": false,
          "absences": [{"startDate": "2024-07-01", "endDate": null, "type": "parental-leave", "note": 1}],
          "salary": 12345},
         {"firstName": "Bo", "lastName": "Li", "email": "bo@example.org", "hrId": "emp_HR_002",
          "startDate": "2024-05-10"}]}
        """
        let json = try JSONParser.parse(Array(text.utf8))
        let roster = try RosterValidator.validate(json, today: today).get()
        #expect(roster == Roster(syncId: "sync-2024-05-14-001", entries: [
            RosterEntry(firstName: "Anna", lastName: "Müller", email: "Anna.Mueller@Example.com",
                        profileImage: "https://img.example.com/a.png", dateOfBirth: SyncFixtures.date("1990-04-15"),
                        hrId: "emp_HR_001", startDate: SyncFixtures.date("2022-03-01"),
                        terminationDate: SyncFixtures.date("2024-12-31"), autoSyncEmployee: false,
                        absences: [Absence(startDate: SyncFixtures.date("2024-07-01"), endDate: nil,
                                           type: "parental-leave")]),
            RosterEntry(firstName: "Bo", lastName: "Li", email: "bo@example.org", profileImage: nil, dateOfBirth: nil,
                        hrId: "emp_HR_002", startDate: SyncFixtures.date("2024-05-10"), terminationDate: nil,
                        autoSyncEmployee: nil, absences: []),
        ]))
    }

    @Test func acceptsAnEmptyRoster() throws {
        let roster = try RosterValidator.validate(body(employees: .array([])), today: today).get()
        #expect(roster == Roster(syncId: "sync-2024-05-14-001", entries: []))
    }

    /// Boundary values that must pass.
    @Test(arguments: [
        ("firstName", JSONValue.string(String(repeating: "é", count: 100))),
        ("lastName", .string("X")),
        ("email", .string(String(repeating: "a", count: 242) + "@example.com")), // 254 octets
        ("profileImage", .string("https://x.example/" + String(repeating: "p", count: 2048 - 18))),
        ("profileImage", .string("HTTPS://example.com")),
        ("dateOfBirth", .string("2024-05-10")), // today
        ("dateOfBirth", .string("2000-02-29")),
        ("hrId", .string(String(repeating: "h", count: 128))),
        ("terminationDate", .string("2022-03-01")), // == startDate
        ("autoSyncEmployee", .bool(true)),
        ("absences", .null),
    ] as [(String, JSONValue)])
    func acceptsBoundaryValues(field: String, value: JSONValue) {
        #expect(issues(RosterValidator.validate(body(employees: .array([entryJSON([field: value])])), today: today),
                       kind: .invalid) == ["<accepted>"])
    }

    @Test(arguments: [
        (JSONValue.string(String(repeating: "s", count: 128)), [String]()),
        (.string("a!~{}/#"), []),
        (.string(""), ["syncId too-short"]),
        (.string(String(repeating: "s", count: 129)), ["syncId too-long"]),
        (.string("sync 1"), ["syncId invalid-format"]),
        (.string("sync\t1"), ["syncId invalid-format"]),
        (.string("süd"), ["syncId invalid-format"]),
        (.null, ["syncId required"]),
    ])
    func syncIdRules(syncId: JSONValue, expected: [String]) {
        let result = RosterValidator.validate(body(syncId: syncId), today: today)
        #expect(issues(result, kind: .invalid) == (expected.isEmpty ? ["<accepted>"] : expected))
    }

    @Test func missingSyncIdAndEmployeesAreRequired() {
        #expect(issues(RosterValidator.validate(.object([]), today: today), kind: .invalid)
            == ["syncId required", "employees required"])
        #expect(issues(RosterValidator.validate(.object([("syncId", .string("s")), ("employees", .null)]),
                                                today: today), kind: .invalid) == ["employees required"])
    }

    /// One business rule per row: the overrides of entry 0 and the issues expected.
    @Test(arguments: [
        (["firstName": nil], ["employees[0].firstName required"]),
        (["firstName": .null], ["employees[0].firstName required"]),
        (["firstName": .string("")], ["employees[0].firstName too-short"]),
        (["firstName": .string(long101)], ["employees[0].firstName too-long"]),
        (["lastName": nil], ["employees[0].lastName required"]),
        (["lastName": .string(long101)], ["employees[0].lastName too-long"]),
        (["email": nil], ["employees[0].email required"]),
        (["email": .string("anna")], ["employees[0].email invalid-email"]),
        (["email": .string("")], ["employees[0].email invalid-email"]),
        (["email": .string("anna@example")], ["employees[0].email invalid-email"]),
        (["email": .string("@example.com")], ["employees[0].email invalid-email"]),
        (["email": .string("an na@example.com")], ["employees[0].email invalid-email"]),
        (["email": .string("anna@@example.com")], ["employees[0].email invalid-email"]),
        (["email": .string("a@b@example.com")], ["employees[0].email invalid-email"]),
        (["email": .string("anna@example..com")], ["employees[0].email invalid-email"]),
        (["email": .string("anna@example.com.")], ["employees[0].email invalid-email"]),
        (["email": .string(String(repeating: "a", count: 243) + "@example.com")], ["employees[0].email too-long"]),
        (["profileImage": .string("http://img.example.com/a.png")], ["employees[0].profileImage not-https"]),
        (["profileImage": .string("https://")], ["employees[0].profileImage not-https"]),
        (["profileImage": .string("https:///path")], ["employees[0].profileImage not-https"]),
        (["profileImage": .string("https://example.com/a b.png")], ["employees[0].profileImage not-https"]),
        (["profileImage": .string("")], ["employees[0].profileImage not-https"]),
        (["profileImage": .string("https://x.example/" + String(repeating: "p", count: 2048 - 17))],
         ["employees[0].profileImage too-long"]),
        (["dateOfBirth": .string("1990-02-30")], ["employees[0].dateOfBirth invalid-format"]),
        (["dateOfBirth": .string("15.04.1990")], ["employees[0].dateOfBirth invalid-format"]),
        (["dateOfBirth": .string("2024-05-11")], ["employees[0].dateOfBirth in-future"]),
        (["hrId": nil], ["employees[0].hrId required"]),
        (["hrId": .string("")], ["employees[0].hrId too-short"]),
        (["hrId": .string(String(repeating: "h", count: 129))], ["employees[0].hrId too-long"]),
        (["startDate": nil], ["employees[0].startDate required"]),
        (["startDate": .string("2023-02-29")], ["employees[0].startDate invalid-format"]),
        (["startDate": .string("2024-1-01")], ["employees[0].startDate invalid-format"]),
        (["terminationDate": .string("2022-02-28")], ["employees[0].terminationDate before-start-date"]),
        (["terminationDate": .string("2022-13-01")], ["employees[0].terminationDate invalid-format"]),
        (["absences": .array([absenceJSON(nil)])], ["employees[0].absences[0].startDate required"]),
        (["absences": .array([absenceJSON(.string("2024-07-01"), .string("2024-06-30"))])],
         ["employees[0].absences[0].endDate end-before-start"]),
        (["absences": .array([absenceJSON(.string("2024-07-01"), .string("2024-07-3"))])],
         ["employees[0].absences[0].endDate invalid-format"]),
        (["absences": .array([absenceJSON(.string("2024-06-01"), .string("2024-06-30")),
                              absenceJSON(.string("2024-06-30"), .string("2024-07-31"))])],
         ["employees[0].absences[1] overlapping"]),
        (["absences": .array([absenceJSON(.string("2024-09-01"), .string("2024-09-30")),
                              absenceJSON(.string("2024-06-01"))])], // open-ended: runs to infinity
         ["employees[0].absences[1] overlapping"]),
        (["absences": .array([absenceJSON(.string("2024-06-01"), .string("2024-06-30")),
                              absenceJSON(.string("2024-07-01"))])], []), // adjacent is fine
    ] as [([String: JSONValue?], [String])])
    func entryRules(overrides: [String: JSONValue?], expected: [String]) {
        let result = RosterValidator.validate(body(employees: .array([entryJSON(overrides)])), today: today)
        #expect(issues(result, kind: .invalid) == (expected.isEmpty ? ["<accepted>"] : expected))
    }

    @Test func duplicatesAreReportedOnTheLaterEntryAndEmailsCompareCaseInsensitively() {
        let employees = JSONValue.array([
            entryJSON(hrId: "a", email: "anna@example.com"),
            entryJSON(hrId: "b", email: "ANNA@Example.com"),
            entryJSON(hrId: "a", email: "carl@example.com"),
            entryJSON(hrId: "d", email: "dora@example.com"),
        ])
        #expect(issues(RosterValidator.validate(body(employees: employees), today: today), kind: .invalid)
            == ["employees[1].email duplicate-email", "employees[2].hrId duplicate-hr-id"])
    }

    @Test func reportsEveryBusinessProblemInDocumentOrder() {
        let employees = JSONValue.array([
            entryJSON(["lastName": .string(""), "startDate": nil], hrId: "a", email: "a@example.com"),
            entryJSON(hrId: "b", email: "b@example.com"),
            entryJSON(["firstName": nil, "dateOfBirth": .string("2030-01-01"),
                       "terminationDate": .string("2020-01-01")], hrId: "", email: "nope"),
        ])
        let result = RosterValidator.validate(body(syncId: .string(""), employees: employees), today: today)
        #expect(issues(result, kind: .invalid) == [
            "syncId too-short",
            "employees[0].lastName too-short",
            "employees[0].startDate required",
            "employees[2].firstName required",
            "employees[2].email invalid-email",
            "employees[2].dateOfBirth in-future",
            "employees[2].hrId too-short",
            "employees[2].terminationDate before-start-date",
        ])
    }

    @Test func messagesAreHumanReadable() throws {
        let result = RosterValidator.validate(body(employees: .array([entryJSON(["email": .string("x")])])), today: today)
        guard case .failure(let rejection) = result else {
            Issue.record("accepted an invalid e-mail")
            return
        }
        #expect(rejection.kind.httpStatus == 422)
        #expect(rejection.issues == [RosterIssue(field: "employees[0].email", code: "invalid-email",
                                                 message: "is not a valid e-mail address")])
    }

    /// Type problems: a present value of the wrong JSON type → 400 with only those problems.
    @Test(arguments: [
        (body(syncId: .int(5)), ["syncId invalid-type"]),
        (body(employees: .object([])), ["employees invalid-type"]),
        (body(employees: .array([.string("anna")])), ["employees[0] invalid-type"]),
        (body(employees: .array([entryJSON(["firstName": .int(1)])])), ["employees[0].firstName invalid-type"]),
        (body(employees: .array([entryJSON(["lastName": .bool(true)])])), ["employees[0].lastName invalid-type"]),
        (body(employees: .array([entryJSON(["email": .array([])])])), ["employees[0].email invalid-type"]),
        (body(employees: .array([entryJSON(["hrId": .int(42)])])), ["employees[0].hrId invalid-type"]),
        (body(employees: .array([entryJSON(["profileImage": .object([])])])),
         ["employees[0].profileImage invalid-type"]),
        (body(employees: .array([entryJSON(["dateOfBirth": .int(19900415)])])),
         ["employees[0].dateOfBirth invalid-type"]),
        (body(employees: .array([entryJSON(["startDate": .number("2022.5")])])),
         ["employees[0].startDate invalid-type"]),
        (body(employees: .array([entryJSON(["terminationDate": .bool(false)])])),
         ["employees[0].terminationDate invalid-type"]),
        (body(employees: .array([entryJSON(["autoSyncEmployee": .string("yes")])])),
         ["employees[0].autoSyncEmployee invalid-type"]),
        (body(employees: .array([entryJSON(["autoSyncEmployee": .int(0)])])),
         ["employees[0].autoSyncEmployee invalid-type"]),
        (body(employees: .array([entryJSON(["absences": .object([])])])), ["employees[0].absences invalid-type"]),
        (body(employees: .array([entryJSON(["absences": .array([.int(1)])])])),
         ["employees[0].absences[0] invalid-type"]),
        (body(employees: .array([entryJSON(["absences": .array([absenceJSON(.string("2024-06-01"), .int(3))])])])),
         ["employees[0].absences[0].endDate invalid-type"]),
        (body(employees: .array([entryJSON(["absences": .array([absenceJSON(.string("2024-06-01"), type: .int(3))])])])),
         ["employees[0].absences[0].type invalid-type"]),
        (.array([]), ["body invalid-type"]),
        (.string("{}"), ["body invalid-type"]),
    ] as [(JSONValue, [String])])
    func wrongJSONTypesAreMalformed(json: JSONValue, expected: [String]) {
        let result = RosterValidator.validate(json, today: today)
        #expect(issues(result, kind: .malformedTypes) == expected)
        if case .failure(let rejection) = result { #expect(rejection.kind.httpStatus == 400) }
    }

    @Test func typeProblemsWinOverBusinessProblemsAndAreAllReported() {
        let employees = JSONValue.array([
            entryJSON(["firstName": .int(1), "email": .string("bad")], hrId: "a"),
            entryJSON(["startDate": nil], hrId: "b", email: "b@example.com"),
            .null,
            entryJSON(["absences": .string("none")], hrId: "d", email: "d@example.com"),
        ])
        let result = RosterValidator.validate(body(syncId: .string("bad id"), employees: employees), today: today)
        #expect(issues(result, kind: .malformedTypes)
            == ["employees[0].firstName invalid-type", "employees[2] invalid-type", "employees[3].absences invalid-type"])
    }
}

// MARK: - Hardening: hostile rosters must not crash or exhaust the server.

/// `count` absences of one day each, a day apart, from 2024-01-01.
private func dailyAbsences(_ count: Int) -> JSONValue {
    let first = SyncFixtures.date("2024-01-01")
    return .array((0..<count).map { offset in
        let day = JSONValue.string(first.adding(days: 2 * offset).description)
        return absenceJSON(day, day)
    })
}

/// Entries that differ in hrId and e-mail, with `overrides` applied to each.
private func distinctEntries(_ count: Int, _ overrides: [String: JSONValue?] = [:]) -> [JSONValue] {
    (0..<count).map { entryJSON(overrides, hrId: "emp_\($0)", email: "e\($0)@example.com") }
}

extension SyncRosterValidatorTests {
    /// Every roster date lies in 1900-01-01…2199-12-31. Before, `9999-12-01…9999-12-31` was
    /// accepted and the planner trapped computing the month after December 9999.
    @Test(arguments: [
        (["startDate": .string("1899-12-31")], ["employees[0].startDate out-of-range"]),
        (["startDate": .string("2200-01-01")], ["employees[0].startDate out-of-range"]),
        (["startDate": .string("9999-12-31")], ["employees[0].startDate out-of-range"]),
        (["terminationDate": .string("2200-01-01")], ["employees[0].terminationDate out-of-range"]),
        (["terminationDate": .string("9999-12-31")], ["employees[0].terminationDate out-of-range"]),
        (["dateOfBirth": .string("1899-12-31")], ["employees[0].dateOfBirth out-of-range"]),
        (["dateOfBirth": .string("0001-01-01")], ["employees[0].dateOfBirth out-of-range"]),
        (["absences": .array([absenceJSON(.string("9999-12-01"), .string("9999-12-31"))])],
         ["employees[0].absences[0].startDate out-of-range", "employees[0].absences[0].endDate out-of-range"]),
        (["absences": .array([absenceJSON(.string("9999-12-01"))])], ["employees[0].absences[0].startDate out-of-range"]),
        (["absences": .array([absenceJSON(.string("1899-12-31"), .string("1900-01-31"))])],
         ["employees[0].absences[0].startDate out-of-range"]),
        (["absences": .array([absenceJSON(.string("2024-01-01"), .string("2200-01-01"))])],
         ["employees[0].absences[0].endDate out-of-range"]),
    ] as [([String: JSONValue?], [String])])
    func rosterDatesOutsideTheSupportedRangeAreOutOfRange(overrides: [String: JSONValue?], expected: [String]) {
        let result = RosterValidator.validate(body(employees: .array([entryJSON(overrides)])), today: today)
        #expect(issues(result, kind: .invalid) == expected)
    }

    @Test(arguments: [
        ["startDate": .string("1900-01-01")] as [String: JSONValue?],
        ["startDate": .string("2199-12-31")],
        ["terminationDate": .string("2199-12-31")],
        ["dateOfBirth": .string("1900-01-01")],
        ["absences": .array([absenceJSON(.string("1900-01-01"), .string("2199-12-31"))])],
        ["absences": .array([absenceJSON(.string("2199-12-01"))])],
    ])
    func rosterDatesAtTheEdgesOfTheRangeAreAccepted(overrides: [String: JSONValue?]) {
        let result = RosterValidator.validate(body(employees: .array([entryJSON(overrides)])), today: today)
        #expect(issues(result, kind: .invalid) == ["<accepted>"])
    }

    @Test func outOfRangeSaysTheAllowedRange() throws {
        #expect(RosterValidator.earliestDate == SyncFixtures.date("1900-01-01"))
        #expect(RosterValidator.latestDate == SyncFixtures.date("2199-12-31"))
        let text = #"""
        {"syncId":"s","employees":[{"firstName":"A","lastName":"B","email":"a@example.com","hrId":"h",
         "startDate":"2022-03-01","absences":[{"startDate":"9999-12-01","endDate":"9999-12-31"}]}]}
        """#
        let result = RosterValidator.validate(try JSONParser.parse(Array(text.utf8)), today: today)
        guard case .failure(let rejection) = result else {
            Issue.record("accepted an absence in December 9999")
            return
        }
        #expect(rejection.kind == .invalid)
        #expect(rejection.issues == [
            RosterIssue(field: "employees[0].absences[0].startDate", code: "out-of-range",
                        message: "must be between 1900-01-01 and 2199-12-31"),
            RosterIssue(field: "employees[0].absences[0].endDate", code: "out-of-range",
                        message: "must be between 1900-01-01 and 2199-12-31"),
        ])
    }

    /// `[1,1,1,…]` of a few MB used to build one issue per element.
    @Test func typeProblemsStopAfterTheFirstHundred() {
        let result = RosterValidator.validate(body(employees: .array(Array(repeating: .int(1), count: 1000))),
                                              today: today)
        #expect(issues(result, kind: .malformedTypes) == (0..<100).map { "employees[\($0)] invalid-type" })
    }

    @Test func businessProblemsStopAfterTheFirstHundred() {
        let employees = JSONValue.array(distinctEntries(150, ["firstName": nil, "lastName": .string("")]))
        #expect(issues(RosterValidator.validate(body(employees: employees), today: today), kind: .invalid)
            == (0..<50).flatMap { ["employees[\($0)].firstName required", "employees[\($0)].lastName too-short"] })
    }

    @Test func aTypeProblemAfterAHundredBusinessProblemsStillWins() {
        let employees = JSONValue.array(distinctEntries(150, ["firstName": nil]) + [.int(1)])
        #expect(issues(RosterValidator.validate(body(employees: employees), today: today), kind: .malformedTypes)
            == ["employees[150] invalid-type"])
    }

    @Test func limitsAreAsDocumented() {
        #expect(RosterValidator.maximumIssues == 100)
        #expect(RosterValidator.maximumEmployees == 200_000)
        #expect(RosterValidator.maximumAbsences == 100)
        #expect(RosterValidator.maxAbsenceTypeLength == 100)
    }

    @Test func moreThanTwoHundredThousandEntriesAreRefusedBeforeLookingAtThem() {
        let tooMany = RosterValidator.validate(body(employees: .array(Array(repeating: .int(1), count: 200_001))),
                                               today: today)
        guard case .failure(let rejection) = tooMany else {
            Issue.record("accepted 200 001 entries")
            return
        }
        #expect(rejection.kind == .invalid)
        #expect(rejection.issues == [RosterIssue(field: "employees", code: "too-many",
                                                 message: "must have at most 200000 entries")])
        // At the limit the entries are looked at (and each of these is of the wrong type).
        let atLimit = RosterValidator.validate(body(employees: .array(Array(repeating: .int(1), count: 200_000))),
                                               today: today)
        #expect(issues(atLimit, kind: .malformedTypes).count == 100)
    }

    @Test func atMostAHundredAbsencesPerEntry() {
        let accepted = RosterValidator.validate(body(employees: .array([entryJSON(["absences": dailyAbsences(100)])])),
                                                today: today)
        #expect(issues(accepted, kind: .invalid) == ["<accepted>"])
        let refused = RosterValidator.validate(body(employees: .array([entryJSON(["absences": dailyAbsences(101)])])),
                                               today: today)
        #expect(issues(refused, kind: .invalid) == ["employees[0].absences too-many"])
        if case .failure(let rejection) = refused {
            #expect(rejection.issues.first?.message == "must have at most 100 entries")
        }
    }

    @Test func absenceTypeIsAtMostAHundredCharacters() {
        func check(_ type: String) -> [String] {
            let absence = absenceJSON(.string("2024-07-01"), type: .string(type))
            return issues(RosterValidator.validate(body(employees: .array([entryJSON(["absences": .array([absence])])])),
                                                   today: today), kind: .invalid)
        }
        #expect(check(String(repeating: "t", count: 100)) == ["<accepted>"])
        #expect(check(String(repeating: "é", count: 100)) == ["<accepted>"])
        #expect(check(String(repeating: "t", count: 101)) == ["employees[0].absences[0].type too-long"])
    }

    /// Overlaps are found by a sort, so pairs that are not neighbours in the array, or not
    /// neighbours by start date, must still be found; the later one in array order is reported.
    @Test(arguments: [
        ([("2024-01-01", "2024-12-31"), ("2024-03-01", "2024-03-05"), ("2024-06-01", "2024-06-30")],
         ["employees[0].absences[1] overlapping", "employees[0].absences[2] overlapping"]),
        ([("2024-06-01", "2024-06-30"), ("2024-01-01", "2024-12-31")], ["employees[0].absences[1] overlapping"]),
        ([("2024-01-01", nil), ("2030-01-01", "2030-01-31")], ["employees[0].absences[1] overlapping"]),
        ([("2030-01-01", "2030-01-31"), ("2024-01-01", nil)], ["employees[0].absences[1] overlapping"]),
        ([("2024-03-01", "2024-03-01"), ("2024-03-01", "2024-03-01")], ["employees[0].absences[1] overlapping"]),
        ([("2024-09-01", "2024-09-30"), ("2024-05-01", "2024-05-31"), ("2024-12-01", nil), ("2024-06-01", "2024-08-31"),
          ("2024-05-15", "2024-05-20")], ["employees[0].absences[4] overlapping"]),
        ([("2024-09-01", "2024-09-30"), ("2024-01-01", "2024-01-31"), ("2024-05-01", nil)],
         ["employees[0].absences[2] overlapping"]),
        ([("2024-09-01", "2024-09-30"), ("2024-01-01", "2024-01-31"), ("2024-05-01", "2024-05-31")], []),
    ] as [([(String, String?)], [String])])
    func overlapsAreFoundInAnyOrder(absences: [(String, String?)], expected: [String]) {
        let items = absences.map { absenceJSON(.string($0.0), $0.1.map(JSONValue.string) ?? .null) }
        let result = RosterValidator.validate(body(employees: .array([entryJSON(["absences": .array(items)])])),
                                              today: today)
        #expect(issues(result, kind: .invalid) == (expected.isEmpty ? ["<accepted>"] : expected))
    }

    @Test func overlapsAreReportedAfterEachAbsencesOwnProblems() {
        let items: [JSONValue] = [
            absenceJSON(.string("2024-06-01"), .string("2024-06-30")),
            absenceJSON(nil),
            absenceJSON(.string("2024-06-15"), .string("2024-06-20")),
            absenceJSON(.string("2024-08-01"), .string("2024-07-01")),
        ]
        let result = RosterValidator.validate(body(employees: .array([entryJSON(["absences": .array(items)])])),
                                              today: today)
        #expect(issues(result, kind: .invalid) == [
            "employees[0].absences[1].startDate required",
            "employees[0].absences[3].endDate end-before-start",
            "employees[0].absences[2] overlapping",
        ])
    }

    /// C0 controls and DEL: a NUL in `hrId` is cut off by SQLite, so distinct ids collided.
    @Test(arguments: [
        (["firstName": .string("An\u{0}na")], ["employees[0].firstName invalid-characters"]),
        (["firstName": .string("Anna\n")], ["employees[0].firstName invalid-characters"]),
        (["lastName": .string("M\u{1F}ller")], ["employees[0].lastName invalid-characters"]),
        (["lastName": .string("Müller\u{7F}")], ["employees[0].lastName invalid-characters"]),
        (["email": .string("anna\u{0}@example.com")], ["employees[0].email invalid-characters"]),
        (["email": .string("anna@example.com\u{7F}")], ["employees[0].email invalid-characters"]),
        (["hrId": .string("emp\u{0}1")], ["employees[0].hrId invalid-characters"]),
        (["hrId": .string("emp\t1")], ["employees[0].hrId invalid-characters"]),
        (["hrId": .string("emp_1\u{7F}")], ["employees[0].hrId invalid-characters"]),
        (["profileImage": .string("https://img.example.com/a\u{1B}.png")],
         ["employees[0].profileImage invalid-characters"]),
        (["absences": .array([absenceJSON(.string("2024-07-01"), type: .string("leave\u{0}"))])],
         ["employees[0].absences[0].type invalid-characters"]),
        (["absences": .array([absenceJSON(.string("2024-07-01"), type: .string("\r\n"))])],
         ["employees[0].absences[0].type invalid-characters"]),
    ] as [([String: JSONValue?], [String])])
    func controlCharactersAreRefused(overrides: [String: JSONValue?], expected: [String]) {
        let result = RosterValidator.validate(body(employees: .array([entryJSON(overrides)])), today: today)
        #expect(issues(result, kind: .invalid) == expected)
    }

    @Test func controlCharacterMessageAndNonControlCharactersPass() {
        let result = RosterValidator.validate(body(employees: .array([entryJSON(["hrId": .string("a\u{0}b")])])),
                                              today: today)
        if case .failure(let rejection) = result {
            #expect(rejection.issues == [RosterIssue(field: "employees[0].hrId", code: "invalid-characters",
                                                     message: "must not contain control characters")])
        } else {
            Issue.record("accepted a NUL in hrId")
        }
        let friendly = entryJSON(["firstName": .string("Zoë 😀"), "hrId": .string("日本-1 €"),
                                  "absences": .array([absenceJSON(.string("2024-07-01"), type: .string("Elternzeit ✓"))])])
        #expect(issues(RosterValidator.validate(body(employees: .array([friendly])), today: today), kind: .invalid)
            == ["<accepted>"])
    }

    /// Defence in depth: even an absence the validator would refuse does not trap the rules.
    @Test func subscriptionRulesSurviveTheLastMonthsOfTheCalendar() async {
        await #expect(processExitsWith: .success) {
            let absence = Absence(startDate: CalendarDate(year: 9999, month: 12, day: 1)!,
                                  endDate: CalendarDate(year: 9999, month: 12, day: 31)!, type: nil)
            let today = CalendarDate(year: 9999, month: 11, day: 15)!
            let pause = SubscriptionRules.pause(absences: [absence], today: today)
            precondition(pause?.reactivatedAt?.description == "10000-01-01")
            precondition(SubscriptionRules.startAt(startDate: today, today: CalendarDate(year: 9999, month: 12, day: 31)!)
                .description == "10000-01-01")
        }
    }
}
