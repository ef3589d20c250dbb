/// `POST /api/v1/programmes`: a set of badges that together earn one more. Fields may be missing, so
/// the service can say which one is.
public struct ProgrammeRequest: Codable, Sendable, Equatable {
    public var name: String?
    public var badges: [String]?
    /// The badge the programme earns.
    public var completion: String?

    public init(name: String?, badges: [String]?, completion: String?) {
        self.name = name
        self.badges = badges
        self.completion = completion
    }
}

/// A programme: its badges and the completion badge they earn together.
public struct ProgrammeDetail: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var badges: [String]
    public var completion: String

    public init(id: Int64, name: String, badges: [String], completion: String) {
        self.id = id
        self.name = name
        self.badges = badges
        self.completion = completion
    }
}

/// `POST /api/v1/programmes` (201): the programme just set up.
public struct ProgrammeReply: Codable, Sendable, Equatable {
    public var programme: ProgrammeDetail

    public init(programme: ProgrammeDetail) {
        self.programme = programme
    }
}

/// `GET /api/v1/programmes`: every programme, oldest first.
public struct ProgrammesReply: Codable, Sendable, Equatable {
    public var programmes: [ProgrammeDetail]

    public init(programmes: [ProgrammeDetail]) {
        self.programmes = programmes
    }
}
