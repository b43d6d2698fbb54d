/// An amount in euro cents; `label` is the public display form (`€29.00`), `decimal` the number.
public struct Money: Sendable, Hashable {
    public let cents: Int

    public init(cents: Int) {
        self.cents = cents
    }

    /// `29.00`: two decimals, as the public examples show the contribution's value.
    public var decimal: String {
        let sign = cents < 0 ? "-" : ""
        let absolute = abs(cents)
        return "\(sign)\(absolute / 100)." + CalendarDate.pad(absolute % 100, 2)
    }

    public var label: String { "€" + decimal }
}
