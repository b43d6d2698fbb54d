/// Percent-encoding of one path segment: everything but the unreserved characters.
enum PathEncoding {
    static func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if URLCharacters.isUnreserved(byte) {
                out.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
