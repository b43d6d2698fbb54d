import JobTicketCore

/// Absences are stored as a JSON array in one column: they are always read and written whole.
enum AbsenceCoding {
    static func encode(_ absences: [Absence]) -> String {
        JSONWriter.string(.array(absences.map { absence in
            .object([("startDate", .string(absence.startDate.description)),
                     ("endDate", .string(absence.endDate?.description)),
                     ("type", .string(absence.type))])
        }))
    }

    static func decode(_ text: String) -> [Absence] {
        guard let items = (try? JSONParser.parse(Array(text.utf8)))?.arrayValue else { return [] }
        return items.compactMap { item in
            guard let start = item["startDate"]?.stringValue.flatMap({ CalendarDate($0) }) else { return nil }
            return Absence(startDate: start, endDate: item["endDate"]?.stringValue.flatMap { CalendarDate($0) },
                           type: item["type"]?.stringValue)
        }
    }
}
