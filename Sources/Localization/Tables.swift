/// Where the text tables meet: each part of the product contributes its own tables per language.
enum Tables {
    static func merged(for language: Language) -> [String: String] {
        var all: [String: String] = [:]
        for table in [page(language), front(language)] {
            all.merge(table) { first, _ in first }
        }
        return all
    }
}
