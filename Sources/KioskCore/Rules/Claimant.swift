/// The learner's details on a claim, once checked: a first name, a lower-cased email, consent given.
public struct Claimant: Sendable, Equatable {
    public static let maxNameLength = 100
    /// RFC 5321 caps a forward path at 254 octets.
    public static let maxEmailLength = 254

    public var name: String
    /// Empty for a learner with no email address yet: the claim's awards wait for one.
    public var email: String

    /// Checks what a learner typed. The first problem found is thrown, with words they can act on.
    public init(name: String?, email: String?, consent: Bool?) throws(FieldError) {
        self.name = try Self.checkName(name)
        self.email = try Self.checkEmail(email)
        try Self.checkConsent(consent)
    }

    /// Throws unless the learner said yes to sending their name and email to the issuer.
    public static func checkConsent(_ consent: Bool?) throws(FieldError) {
        guard consent == true else {
            throw FieldError(field: "consent", code: "consent_required",
                             message: "We can only send your badge if you say yes to sharing your name and email.")
        }
    }

    /// A learner with no email address yet: the name and consent checked, the email to come.
    public init(name: String?, consent: Bool?) throws(FieldError) {
        self.name = try Self.checkName(name)
        self.email = ""
        guard consent == true else {
            throw FieldError(field: "consent", code: "consent_required",
                             message: "We can only keep your badge for you if you say yes to sharing your name.")
        }
    }

    /// False while the learner has no email yet.
    public var hasEmail: Bool { !email.isEmpty }

    /// Trims a first name and checks it with `TextRules`; it must also hold at least one letter, so a
    /// name made only of digits, punctuation or blank-looking symbols goes no further.
    public static func checkName(_ raw: String?) throws(FieldError) -> String {
        let name = try TextRules.clean(raw, field: "name", label: "your first name", maxLength: maxNameLength)
        guard name.unicodeScalars.contains(where: TextRules.isLetter) else {
            throw FieldError(field: "name", code: "name_invalid", message: "Please type your first name using letters.")
        }
        return name
    }

    /// Trims and lower-cases an address and checks its shape: something@something.tld, no spaces.
    public static func checkEmail(_ raw: String?) throws(FieldError) -> String {
        let email = (raw ?? "").trimmingWhitespace().lowercased()
        guard !email.isEmpty else {
            throw FieldError(field: "email", code: "email_missing", message: "Please type your email address.")
        }
        guard email.utf8.count <= maxEmailLength else {
            throw FieldError(field: "email", code: "email_too_long",
                             message: "That email address is too long. Please check it.")
        }
        guard !email.unicodeScalars.contains(where: TextRules.isWhitespace) else {
            throw FieldError(field: "email", code: "email_space",
                             message: "An email address has no spaces. Please take the space out.")
        }
        guard email.utf8.contains(UInt8(ascii: "@")) else {
            throw FieldError(field: "email", code: "email_no_at",
                             message: "An email address has an @ in it, like name@example.com. Please add the @.")
        }
        guard isPlausible(email) else {
            throw FieldError(field: "email", code: "email_invalid",
                             message: "That does not look like an email address. It should look like name@example.com.")
        }
        return email
    }

    /// The address as typed without its spaces: a phone keyboard puts one after a dot or before an
    /// `@` unasked, and no address has one, so both the kiosk and the phone page take them out.
    public static func removingSpaces(_ typed: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: typed.unicodeScalars.filter { !TextRules.isWhitespace($0) })
        return String(scalars)
    }

    /// The name as it may stand in a `Name <email>` recipient: every `<` and `>` scalar removed, so
    /// one followed by a joiner or a mark (which makes them one character) cannot slip through.
    public static func recipientName(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: name.unicodeScalars.filter { $0 != "<" && $0 != ">" })
        return String(scalars)
    }

    static func isPlausible(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return false }
        // Scalar by scalar: `<` followed by U+200D is one character, and not equal to `<`.
        guard !email.unicodeScalars.contains(where: {
            TextRules.isWhitespace($0) || TextRules.isInvisible($0) || isSpecial($0)
        }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              let tld = labels.last, tld.count >= 2 else { return false }
        // On the bytes: every claim is checked here, and Foundation's `contains` of a string bridges to NSString.
        let dot = UInt8(ascii: "."), bytes = local.utf8
        return bytes.first != dot && bytes.last != dot && !zip(bytes, bytes.dropFirst()).contains { $0 == dot && $1 == dot }
    }

    /// The characters RFC 5322 keeps out of an unquoted address, which no learner's address needs.
    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "(", ")", "[", "]", "\\", ",", ";", ":", "\"": true
        default: false
        }
    }
}
