/// Why one field of a request was refused, in plain words a person can act on.
public struct FieldError: Error, Equatable, Sendable {
    /// The field, as named in the API (`name`, `email`, `consent`, `title`, …).
    public var field: String
    /// A snake_case code for programs (`name_too_long`).
    public var code: String
    /// What is wrong and how to fix it.
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
