/// A fault specification that cannot be used, in plain words.
public struct FaultSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
