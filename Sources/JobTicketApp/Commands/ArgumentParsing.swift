import Foundation
import JobTicketCore

/// Shared parsing of command-line values, each failure a usage error naming the option.
enum ArgumentParsing {
    static func id(_ text: String, option: String) throws(CommandError) -> Int64 {
        guard let value = Int64(text), value > 0 else {
            throw CommandError.usage("\(option) must be a positive integer, got '\(text)'.")
        }
        return value
    }

    static func keyId(_ text: String) throws(CommandError) -> UUID {
        guard let id = UUID(uuidString: text) else { throw CommandError.usage("'\(text)' is not an API key id (a UUID).") }
        return id
    }

    static func permissions(_ text: String) throws(CommandError) -> Set<Permission> {
        var result = Set<Permission>()
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let permission = Permission(rawValue: name) else {
                throw CommandError.usage("Unknown permission '\(name)'. Known: \(Permission.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            result.insert(permission)
        }
        guard !result.isEmpty else { throw CommandError.usage("--permissions needs at least one permission.") }
        return result
    }

    /// `YYYY-MM-DD` (end of that day, UTC) or a full ISO-8601 timestamp.
    static func expiry(_ text: String) throws(CommandError) -> Timestamp {
        if let date = CalendarDate(text) { return Timestamp(date: date.adding(days: 1)) }
        if let instant = Timestamp(iso8601: text) { return instant }
        throw CommandError.usage("--expires must be a date (YYYY-MM-DD) or an ISO-8601 timestamp, got '\(text)'.")
    }

    static func positiveInt(_ text: String, option: String, maximum: Int) throws(CommandError) -> Int {
        guard let value = Int(text), (1...maximum).contains(value) else {
            throw CommandError.usage("\(option) must be an integer from 1 to \(maximum), got '\(text)'.")
        }
        return value
    }

    /// Euros like `29.00` or `29` into cents.
    static func money(_ text: String) throws(CommandError) -> Money {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let euros = Int(parts[0]), euros >= 0, euros < 100_000,
              parts.count == 1 || (parts[1].count == 2 && Int(parts[1]) != nil) else {
            throw CommandError.usage("--contribution must be an amount in euros like 29.00, got '\(text)'.")
        }
        return Money(cents: euros * 100 + (parts.count == 2 ? Int(parts[1])! : 0))
    }
}
