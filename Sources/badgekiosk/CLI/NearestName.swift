/// The known name a mistyped one was most likely meant to be: `state-dri` → `state-dir`, `sevre` → `serve`.
enum NearestName {
    /// The closest of `names` to `typed`, when it is close enough to be a slip of the fingers (a few
    /// letters wrong, swapped, missing or extra) or `typed` is the start of it; nil otherwise.
    static func suggestion(for typed: String, among names: [String]) -> String? {
        guard !typed.isEmpty else { return nil }
        let allowed = typed.count <= 3 ? 1 : max(2, typed.count / 3)
        let scored = names.map { (name: $0, distance: distance(typed, $0)) }
        if let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= allowed { return best.name }
        return names.first { $0.hasPrefix(typed) && typed.count >= 3 }
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: optimal string alignment.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
