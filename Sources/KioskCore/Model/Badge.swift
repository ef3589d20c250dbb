/// A badge from the central issuer's catalogue, as volunteers pick it for a session.
public struct Badge: Sendable, Equatable, Codable {
    /// The issuer's own id for the badge (OBF badge id, Badgr entity id).
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String = "") {
        self.id = id
        self.name = name
        self.description = description
    }
}
