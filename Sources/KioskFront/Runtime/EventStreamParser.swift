/// Reads a `text/event-stream` body (server-sent events) into events, whatever the chunking.
struct EventStreamParser: Sendable {
    /// One event: its `event:` name (`message` when none) and its `data:` lines joined.
    struct Event: Equatable, Sendable {
        var kind: String
        var data: String
    }

    private var partial: [UInt8] = []
    private var kind = ""
    private var data: [String] = []

    /// The events completed by `bytes`.
    mutating func feed(_ bytes: [UInt8]) -> [Event] {
        partial += bytes
        var events: [Event] = []
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            var line = String(decoding: partial[..<newline], as: UTF8.self)
            partial.removeSubrange(...newline)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty {
                if !data.isEmpty || !kind.isEmpty {
                    events.append(Event(kind: kind.isEmpty ? "message" : kind, data: data.joined(separator: "\n")))
                }
                kind = ""
                data = []
                continue
            }
            if line.hasPrefix(":") { continue }
            let (field, value) = Self.split(line)
            switch field {
            case "event": kind = value
            case "data": data.append(value)
            default: break
            }
        }
        return events
    }

    /// `field: value`, with the one optional space after the colon dropped.
    private static func split(_ line: String) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (line, "") }
        var value = line[line.index(after: colon)...]
        if value.hasPrefix(" ") { value = value.dropFirst() }
        return (String(line[..<colon]), String(value))
    }
}
