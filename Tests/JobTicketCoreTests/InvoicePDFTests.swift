import Foundation
import JobTicketCore
import Testing

private let invoice = TransitInvoice(
    title: "May 2024 Transit Invoice",
    companyName: "Acme (Europe) GmbH \\ Berlin",
    employeeName: "Anna Müller",
    month: "2024-05",
    amountLabel: "€29.00",
    invoiceNumber: "INV-2024-05-000042")

private let pdftotextPath = "/usr/bin/pdftotext"

/// Checks the structural invariants a PDF reader relies on; records an issue for each violation.
private func expectValidStructure(_ pdf: [UInt8], objectCount: Int) throws {
    let text = String(decoding: pdf, as: UTF8.self)
    #expect(pdf.starts(with: Array("%PDF-1.4\n".utf8)))
    #expect(pdf.suffix(6) == Array("%%EOF\n".utf8)[...])

    // startxref → offset of the "xref" keyword.
    let tail = try #require(text.range(of: "startxref\n", options: .backwards))
    let startxrefLine = text[tail.upperBound...].prefix { $0 != "\n" }
    let xrefOffset = try #require(Int(startxrefLine))
    #expect(pdf[xrefOffset...].starts(with: Array("xref\n0 \(objectCount + 1)\n".utf8)))

    // Each entry is exactly 20 bytes; entry N points at "N 0 obj".
    let header = "xref\n0 \(objectCount + 1)\n".utf8.count
    let entriesStart = xrefOffset + header
    #expect(Array(pdf[entriesStart..<entriesStart + 20]) == Array("0000000000 65535 f \n".utf8))
    for object in 1...objectCount {
        let entry = String(decoding: pdf[entriesStart + 20 * object..<entriesStart + 20 * (object + 1)],
                           as: UTF8.self)
        #expect(entry.count == 20)
        #expect(entry.hasSuffix(" 00000 n \n"), "entry \(object): \(entry)")
        let offset = try #require(Int(entry.prefix(10)))
        #expect(pdf[offset...].starts(with: Array("\(object) 0 obj\n".utf8)), "object \(object)")
    }
    #expect(pdf[(entriesStart + 20 * (objectCount + 1))...].starts(with: Array("trailer\n".utf8)))
    #expect(text.contains("/Size \(objectCount + 1) /Root 1 0 R"))
    #expect(text.components(separatedBy: " 0 obj\n").count - 1 == objectCount)

    // Every stream's /Length is its exact byte count.
    var searchFrom = text.startIndex
    while let length = text.range(of: "<< /Length ", range: searchFrom..<text.endIndex) {
        let declared = try #require(Int(text[length.upperBound...].prefix { $0.isNumber }))
        let start = try #require(text.range(of: ">>\nstream\n", range: length.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "\nendstream", range: start.upperBound..<text.endIndex))
        #expect(text.utf8.distance(from: start.upperBound, to: end.lowerBound) == declared)
        searchFrom = end.upperBound
    }
}

/// Runs `pdftotext -enc UTF-8 <file> -` on `pdf`; returns (stdout, stderr).
private func pdftotext(_ pdf: [UInt8]) throws -> (String, String) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("jobticket-\(UUID()).pdf")
    try Data(pdf).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pdftotextPath)
    process.arguments = ["-enc", "UTF-8", file.path, "-"]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite struct InvoicePDFTests {
    @Test func invoiceIsStructurallyValid() throws {
        let pdf = InvoicePDF.render(invoice)
        try expectValidStructure(pdf, objectCount: 5)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        #expect(text.contains("/Count 1"))
        #expect(text.contains("(Amount: \\20029.00) Tj"))  // € is byte 0x80 = octal 200
        #expect(text.contains("(Employee: Anna M\\374ller) Tj"))  // ü is 0xFC = octal 374
        #expect(text.contains("(Company: Acme \\(Europe\\) GmbH \\\\ Berlin) Tj"))
    }

    @Test func renderingIsDeterministic() {
        #expect(InvoicePDF.render(invoice) == InvoicePDF.render(invoice))
        var other = invoice
        other.month = "2024-06"
        #expect(InvoicePDF.render(other) != InvoicePDF.render(invoice))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pdftotextPath)))
    func pdftotextExtractsAllFields() throws {
        let (text, errors) = try pdftotext(InvoicePDF.render(invoice))
        #expect(errors == "")  // poppler reports broken xref tables and syntax errors here
        #expect(text.contains("May 2024 Transit Invoice"))
        #expect(text.contains("2024-05"))
        #expect(text.contains("€29.00"))
        #expect(text.contains("Müller"))
        #expect(text.contains("Acme (Europe) GmbH \\ Berlin"))
        #expect(text.contains("INV-2024-05-000042"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pdftotextPath)))
    func multiPageDocument() throws {
        var writer = PDFWriter()
        writer.addPage([.init("Page one – Straße", x: 72, y: 770)])
        writer.addPage([.init("Page two", x: 72.5, y: 700.25, fontSize: 9.5)])
        let pdf = writer.render()
        try expectValidStructure(pdf, objectCount: 7)
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Kids [4 0 R 6 0 R] /Count 2"))
        #expect(raw.contains("/F1 9.5 Tf\n72.5 700.25 Td\n"))
        let (text, errors) = try pdftotext(pdf)
        #expect(errors == "")
        #expect(text.contains("Page one – Straße"))
        #expect(text.contains("Page two"))
        #expect(text.components(separatedBy: "\u{0C}").count == 3)  // a form feed ends each page
    }

    @Test func emptyWriterRendersOneBlankPage() throws {
        let pdf = PDFWriter().render()
        try expectValidStructure(pdf, objectCount: 5)
        #expect(String(decoding: pdf, as: UTF8.self).contains("/Kids [4 0 R] /Count 1"))
    }

    @Test func winAnsiEncoding() {
        #expect(PDFWriter.winAnsi("€üßÄé") == [0x80, 0xFC, 0xDF, 0xC4, 0xE9])
        #expect(PDFWriter.winAnsi("u\u{308}") == [0xFC])  // decomposed ü is normalised first
        #expect(PDFWriter.winAnsi("„–”™") == [0x84, 0x96, 0x94, 0x99])
        #expect(PDFWriter.winAnsi("A日\u{1}😀") == [0x41, 0x3F, 0x3F, 0x3F])
    }

    @Test func literalStringEscaping() {
        #expect(PDFWriter.literalString(Array("a(b)c\\d".utf8)) == "(a\\(b\\)c\\\\d)")
        #expect(PDFWriter.literalString([0x80, 0x0A, 0x0D, 0x7F, 0x20]) == "(\\200\\012\\015\\177 )")
        #expect(PDFWriter.literalString([]) == "()")
    }
}
