/// A catalogue or sign-in request to the issuer failed, in plain words for the admin.
public struct IssuerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
