/// A keyed hash that recognises a learner's repeated claim with one code after their email is erased.
///
/// The retention purge erases names and emails, but a phone may still send the same claim again
/// while its code is valid, and that repeat must get the same claim back, never a second award.
/// So each claim keeps HMAC-SHA256, under a random key of this kiosk's own, of its code's id and
/// the lower-cased email. The code id in the message keeps the hashes of one learner's claims with
/// different codes unrelated, so after the purge they link nothing across sessions; the secret key
/// means a copy of the hashes alone cannot be checked against a list of addresses.
public enum ClaimerKey {
    /// Bytes of a new secret key: as many as the hash gives out.
    public static let secretLength = 32

    /// The hash kept with a claim of `email` with the code `codeID`; emails differing only in case match.
    public static func make(secret: [UInt8], codeID: Int64, email: String) -> [UInt8] {
        SHA256.hmac(key: secret, message: Array("\(codeID)\n\(email.lowercased())".utf8))
    }

    /// A new secret key from the system's CSPRNG.
    public static func newSecret(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        (0..<secretLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
