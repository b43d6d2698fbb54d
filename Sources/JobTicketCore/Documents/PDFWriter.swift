import Foundation

/// Writes minimal, valid PDF 1.4 documents made of positioned lines of text.
///
/// Only the standard Type 1 font Helvetica is used, so no font has to be embedded; with
/// `/WinAnsiEncoding` it covers Windows-1252 (Latin-1 plus €, quotes, dashes…), which is
/// enough for German names and euro amounts, and `pdftotext` maps it back to Unicode.
/// Characters outside Windows-1252 are rendered as `?`.
///
/// Object layout: 1 catalog, 2 page tree, 3 font, then a page object and its content stream
/// for each page (4 and 5, 6 and 7, …).
public struct PDFWriter: Sendable {
    /// One line of text. `x`/`y` are in points from the bottom-left corner of the page.
    public struct TextRun: Sendable, Equatable {
        public var text: String
        public var x: Double
        public var y: Double
        public var fontSize: Double

        public init(_ text: String, x: Double, y: Double, fontSize: Double = 12) {
            self.text = text
            self.x = x
            self.y = y
            self.fontSize = fontSize
        }
    }

    /// Page size in points (1/72 inch); the default is A4.
    public let pageWidth: Double
    public let pageHeight: Double
    public private(set) var pages: [[TextRun]] = []

    public init(pageWidth: Double = 595, pageHeight: Double = 842) {
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
    }

    /// Appends a page showing `runs`.
    public mutating func addPage(_ runs: [TextRun]) {
        pages.append(runs)
    }

    /// The complete document. A writer without pages renders one blank page, because a
    /// page tree without pages is rejected by several viewers.
    public func render() -> [UInt8] {
        let pages = self.pages.isEmpty ? [[]] : self.pages
        var out: [UInt8] = []
        var offsets: [Int] = []  // offsets[i] = byte offset of object i + 1

        func append(_ s: String) { out.append(contentsOf: s.utf8) }
        func beginObject(_ number: Int) {
            precondition(offsets.count == number - 1, "objects must be written in order")
            offsets.append(out.count)
            append("\(number) 0 obj\n")
        }

        // The second line has bytes ≥ 128 so transfer tools treat the file as binary (PDF 7.5.2).
        append("%PDF-1.4\n%")
        out.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3])
        append("\n")

        let pageObjects = pages.indices.map { 4 + 2 * $0 }
        beginObject(1)
        append("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
        beginObject(2)
        let kids = pageObjects.map { "\($0) 0 R" }.joined(separator: " ")
        append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>\nendobj\n")
        beginObject(3)
        append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n")

        for (page, runs) in zip(pageObjects, pages) {
            beginObject(page)
            append("<< /Type /Page /Parent 2 0 R")
            append(" /MediaBox [0 0 \(Self.number(pageWidth)) \(Self.number(pageHeight))]")
            append(" /Resources << /Font << /F1 3 0 R >> >> /Contents \(page + 1) 0 R >>\nendobj\n")

            let content = Self.contentStream(runs)
            beginObject(page + 1)
            append("<< /Length \(content.count) >>\nstream\n")
            out.append(contentsOf: content)
            append("\nendstream\nendobj\n")
        }

        let xrefOffset = out.count
        append("xref\n0 \(offsets.count + 1)\n")
        // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space + LF.
        append("0000000000 65535 f \n")
        for offset in offsets {
            append("\(Self.zeroPadded(offset, width: 10)) 00000 n \n")
        }
        append("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\n")
        append("startxref\n\(xrefOffset)\n%%EOF\n")
        return out
    }

    /// The page description operators drawing `runs` with font /F1.
    static func contentStream(_ runs: [TextRun]) -> [UInt8] {
        var s = ""
        for run in runs {
            s += "BT\n/F1 \(number(run.fontSize)) Tf\n\(number(run.x)) \(number(run.y)) Td\n"
            s += "\(literalString(winAnsi(run.text))) Tj\nET\n"
        }
        return Array(s.utf8)
    }

    /// `text` in Windows-1252 (the PDF's WinAnsiEncoding), after NFC normalisation so that a
    /// decomposed "u + ◌̈" still becomes the single byte for "ü". Unmappable characters,
    /// including control characters, become `?`.
    public static func winAnsi(_ text: String) -> [UInt8] {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0xFF: UInt8(scalar.value)
            default: cp1252HighBytes[scalar.value] ?? UInt8(ascii: "?")
            }
        }
    }

    /// A PDF literal string `( … )` for already-encoded bytes. `(`, `)` and `\` are escaped
    /// with a backslash; bytes outside printable ASCII are written as `\ddd` octal escapes,
    /// which keeps the content stream ASCII and immune to end-of-line conversion.
    public static func literalString(_ bytes: [UInt8]) -> String {
        var s = "("
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                s += "\\" + String(UnicodeScalar(byte))
            case 0x20...0x7E:
                s += String(UnicodeScalar(byte))
            default:
                s += "\\" + zeroPadded(Int(byte), width: 3, radix: 8)
            }
        }
        return s + ")"
    }

    /// A PDF number: integers without a fraction, otherwise at most two decimals. Never uses
    /// exponent notation or the locale's decimal separator, which PDF does not accept.
    static func number(_ value: Double) -> String {
        precondition(value.isFinite, "PDF numbers must be finite")
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let decimals = fraction % 10 == 0 ? "\(fraction / 10)" : zeroPadded(Int(fraction), width: 2)
        return "\(sign)\(whole).\(decimals)"
    }

    private static func zeroPadded(_ value: Int, width: Int, radix: Int = 10) -> String {
        let digits = String(value, radix: radix)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The Windows-1252 characters in 0x80–0x9F (where it differs from Latin-1).
    private static let cp1252HighBytes: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
        0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
        0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
