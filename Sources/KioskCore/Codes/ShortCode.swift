/// The short typed form of a claim code: 6 characters from an alphabet with no look-alikes.
public enum ShortCode {
    /// Digits and capitals without 0/O, 1/I/L: what a learner types can't be misread.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let length = 6

    /// A fresh random short code, undashed (`K7M2QX`).
    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// `K7M2QX` → `K7M-2QX`.
    public static func display(_ short: String) -> String {
        guard short.count == length else { return short }
        let half = short.index(short.startIndex, offsetBy: length / 2)
        return "\(short[..<half])-\(short[half...])"
    }

    /// What a person typed, as the stored form: capitals, spaces and dashes dropped.
    /// Nil when it cannot be a short code at all (wrong length, a character not in the alphabet).
    public static func normalize(_ typed: String) -> String? {
        var out = ""
        for character in typed.uppercased() where character != "-" && character != " " {
            guard alphabet.contains(character) else { return nil }
            out.append(character)
            if out.count > length { return nil }
        }
        return out.count == length ? out : nil
    }
}
