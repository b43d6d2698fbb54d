/// `Content-Disposition: attachment` with an RFC 6266-safe filename: an ASCII fallback in
/// `filename` and the exact name in `filename*` (RFC 8187) when it is not plain ASCII.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        let fallback = String(filename.unicodeScalars.map { scalar -> Character in
            guard scalar.isASCII, scalar.value >= 0x20, scalar.value != 0x7F, scalar != "\"", scalar != "\\" else { return "_" }
            return Character(scalar)
        })
        var value = "attachment; filename=\"\(fallback)\""
        if fallback != filename {
            value += "; filename*=UTF-8''" + PathEncoding.segment(filename)
        }
        return value
    }
}
