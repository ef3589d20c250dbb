/// The short typed form of a claim code, from an alphabet with no look-alikes.
///
/// A session's code has 6 characters: many people type it, and it is limited by its claim count.
/// A printed slip's code has 10: each one admits a learner on its own, so it must not be guessable
/// (see `GuessingLimits` for the figures), and it is typed once, from paper.
public enum ShortCode {
    /// Digits and capitals without 0/O, 1/I/L: what a learner types can't be misread.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    /// Characters in a session's code (`K7M-2QX`).
    public static let sessionLength = 6
    /// Characters in a printed single-use slip's code (`K7M-2QX-4P9B`).
    public static let slipLength = 10
    /// Characters in the code a learner with no email yet keeps, to add one later (`K7M-2QX-4P`).
    /// It unlocks one waiting claim, and is guessed under the same limits as a slip's.
    public static let laterLength = 8
    /// Every length a short code can have.
    static let lengths = [sessionLength, laterLength, slipLength]
    /// Characters a person reads and types as one group.
    static let groupLength = 3

    /// A fresh random short code of `length` characters, undashed (`K7M2QX`).
    public static func generate<R: RandomNumberGenerator>(length: Int = sessionLength, using generator: inout R) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// `K7M2QX` → `K7M-2QX`, `K7M2QX4P9B` → `K7M-2QX-4P9B`: groups of three, the last taking a lone
    /// character so no group stands alone.
    public static func display(_ short: String) -> String {
        let characters = Array(short)
        guard lengths.contains(characters.count) else { return short }
        var groups: [String] = []
        var start = 0
        while start < characters.count {
            let rest = characters.count - start
            let size = rest <= groupLength + 1 ? rest : groupLength
            groups.append(String(characters[start..<start + size]))
            start += size
        }
        return groups.joined(separator: "-")
    }

    /// What a person typed, as the stored form: capitals, spaces and dashes dropped.
    /// Nil when it cannot be a short code at all (wrong length, a character not in the alphabet).
    public static func normalize(_ typed: String) -> String? {
        var out = ""
        for character in typed.uppercased() where character != "-" && character != " " {
            guard alphabet.contains(character) else { return nil }
            out.append(character)
            if out.count > slipLength { return nil }
        }
        return lengths.contains(out.count) ? out : nil
    }
}
