/// The data printed on an employee's monthly transit invoice (an employee document).
public struct TransitInvoice: Sendable, Equatable, Codable {
    /// Document title, e.g. "May 2024 Transit Invoice" (also the document's `documentName`).
    public var title: String
    public var companyName: String
    public var employeeName: String
    /// The ticket month, `YYYY-MM`.
    public var month: String
    /// The amount as displayed, e.g. "€29.00".
    public var amountLabel: String
    public var invoiceNumber: String

    public init(
        title: String, companyName: String, employeeName: String,
        month: String, amountLabel: String, invoiceNumber: String
    ) {
        self.title = title
        self.companyName = companyName
        self.employeeName = employeeName
        self.month = month
        self.amountLabel = amountLabel
        self.invoiceNumber = invoiceNumber
    }
}
