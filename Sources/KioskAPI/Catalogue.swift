/// A badge in the catalogue, under the issuer's own id.
public struct BadgeDetail: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// `GET /api/v1/badges`: the catalogue.
public struct BadgesReply: Codable, Sendable, Equatable {
    public var badges: [BadgeDetail]

    public init(badges: [BadgeDetail]) {
        self.badges = badges
    }
}

/// `POST /api/v1/badges/sync`: how many badges the issuer has, and the new catalogue.
public struct SyncReply: Codable, Sendable, Equatable {
    public var synced: Int
    public var badges: [BadgeDetail]

    public init(synced: Int, badges: [BadgeDetail]) {
        self.synced = synced
        self.badges = badges
    }
}
