/// Renders a `TransitInvoice` as a one-page A4 PDF.
public enum InvoicePDF: Sendable {
    /// The PDF bytes. Deterministic: the same invoice always yields the same bytes (no
    /// timestamps or random ids are embedded), so documents can be regenerated and compared.
    public static func render(_ invoice: TransitInvoice) -> [UInt8] {
        let left = 72.0
        let top = 770.0
        let lineHeight = 18.0
        let fields = [
            "Invoice number: \(invoice.invoiceNumber)",
            "Company: \(invoice.companyName)",
            "Employee: \(invoice.employeeName)",
            "Month: \(invoice.month)",
            "Amount: \(invoice.amountLabel)",
        ]
        var runs = [PDFWriter.TextRun(invoice.title, x: left, y: top, fontSize: 20)]
        for (index, field) in fields.enumerated() {
            runs.append(PDFWriter.TextRun(
                field, x: left, y: top - 40 - Double(index) * lineHeight, fontSize: 11))
        }
        var writer = PDFWriter()
        writer.addPage(runs)
        return writer.render()
    }
}
