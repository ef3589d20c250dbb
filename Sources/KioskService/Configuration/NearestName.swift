/// The known name a mistyped one most likely meant, for "did you mean …?" in configuration errors.
enum NearestName {
    /// The name in `names` fewest edits from `typed` (a letter added, removed or changed), when it is
    /// near enough to be a slip: at most 2 edits, or a third of the name for longer names.
    static func to(_ typed: String, among names: [String]) -> String? {
        let typed = Array(typed.lowercased())
        var best: (name: String, edits: Int)?
        for name in names {
            let edits = distance(typed, Array(name.lowercased()))
            if edits <= max(2, name.count / 3), edits < (best?.edits ?? .max) { best = (name, edits) }
        }
        return best?.name
    }

    /// Levenshtein distance, one row at a time.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var row = [i + 1]
            for (j, y) in b.enumerated() {
                row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }
}
