/// Why slips could not be made or printed, in words a volunteer can act on.
public enum PrintingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A font file is missing or not a TrueType font the sheet can embed.
    case badFont(String, String)
    /// No font for the slips' words is installed.
    case noFont(String)

    public var description: String {
        switch self {
        case .badFont(let name, let why): "the font \(name) cannot be used: \(why)"
        case .noFont(let path): "no font for the slips at \(path): install fonts-dejavu-core"
        }
    }
}
