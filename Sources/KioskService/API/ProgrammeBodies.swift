import KioskCore

/// The JSON shapes of `GET` and `POST /api/v1/programmes`.
extension Bodies {
    struct ProgrammeRequest: Decodable {
        var name: String?
        var badges: [String]?
        var completion: String?
    }

    struct ProgrammeDetail: Encodable {
        var id: Int64
        var name: String
        var badges: [String]
        var completion: String

        init(_ programme: Programme) {
            id = programme.id
            name = programme.name
            badges = programme.badgeIDs
            completion = programme.completionBadgeID
        }
    }

    struct ProgrammeReply: Encodable {
        var programme: ProgrammeDetail
    }

    struct ProgrammesReply: Encodable {
        var programmes: [ProgrammeDetail]
    }
}
