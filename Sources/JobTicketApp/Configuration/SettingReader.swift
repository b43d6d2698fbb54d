/// Reads and validates single settings; every failure names the variable and what is allowed.
struct SettingReader {
    let source: SettingsSource

    func optional(_ variable: String) -> String? {
        source.raw(variable)?.value
    }

    func string(_ variable: String, default defaultValue: String, check: (String) -> String?) throws(ConfigurationError) -> String {
        guard let (value, name) = source.raw(variable) else { return defaultValue }
        if let problem = check(value) {
            throw ConfigurationError(variable: name, message: "'\(value)' is not valid; \(problem).")
        }
        return value
    }

    func integer(_ variable: String, default defaultValue: Int, range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let (value, name) = source.raw(variable) else { return defaultValue }
        guard let number = Int(value), range.contains(number) else {
            throw ConfigurationError(variable: name,
                                     message: "'\(value)' is not valid; expected an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    func parsed<T>(_ variable: String, default defaultValue: String, expected: String,
                   _ parse: (String) -> T?) throws(ConfigurationError) -> T {
        let (value, name) = source.raw(variable) ?? (defaultValue, variable)
        guard let parsed = parse(value) else {
            throw ConfigurationError(variable: name, message: "'\(value)' is not valid; expected \(expected).")
        }
        return parsed
    }
}
