/// The parsed arguments of one operator command: its options and the positionals after its words.
struct CommandArguments {
    let parsed: ParsedArguments
    let positionals: [String]

    func required(_ name: String) throws(CommandError) -> String { try parsed.required(name) }
    func option(_ name: String) -> String? { parsed.options[name] }
    func has(_ name: String) -> Bool { parsed.switches.contains(name) }
}
