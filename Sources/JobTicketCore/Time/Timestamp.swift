/// A UTC instant with one-second precision (`2024-05-10T08:00:00Z` on the wire).
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public init(date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, optionally with a fraction (dropped) or a `+HH:MM` offset.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = CalendarDate.digits(bytes[11..<13]), hour < 24,
              let minute = CalendarDate.digits(bytes[14..<16]), minute < 60,
              let second = CalendarDate.digits(bytes[17..<19]), second < 60 else { return nil }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            let fraction = rest.dropFirst()
            rest = fraction.drop { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard rest.count < fraction.count else { return nil }
        }
        var offset = 0
        if rest.elementsEqual([UInt8(ascii: "Z")]) {
            offset = 0
        } else if rest.count == 6, let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  let hours = CalendarDate.digits(rest.dropFirst().prefix(2)), hours < 24,
                  rest[rest.startIndex + 3] == UInt8(ascii: ":"),
                  let minutes = CalendarDate.digits(rest.suffix(2)), minutes < 60 {
            offset = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return nil
        }
        self.init(secondsSinceEpoch: Timestamp(date: date, hour: hour, minute: minute, second: second)
            .secondsSinceEpoch - Int64(offset))
    }

    /// The UTC day this instant falls on.
    public var date: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((secondsSinceEpoch - (secondsSinceEpoch % 86_400 + 86_400) % 86_400) / 86_400))
    }

    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    public var description: String {
        let secondsOfDay = Int((secondsSinceEpoch % 86_400 + 86_400) % 86_400)
        return date.description + "T" + CalendarDate.pad(secondsOfDay / 3600, 2) + ":"
            + CalendarDate.pad(secondsOfDay / 60 % 60, 2) + ":" + CalendarDate.pad(secondsOfDay % 60, 2) + "Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
