import Foundation

/// `POST /api/v1/celebrations`: a learner says yes to "Well done" with their first name on the kiosk's
/// first screen. `key` is the one their new claim's reply carried (`ClaimReply.Detail.celebrate`).
public struct CelebrateRequest: Codable, Sendable, Equatable {
    public var key: String?

    public init(key: String?) {
        self.key = key
    }
}

/// The answer to a yes: the line shows until then.
public struct CelebrateReply: Codable, Sendable, Equatable {
    public var until: Date

    public init(until: Date) {
        self.until = until
    }
}

/// `GET /api/v1/celebrations` (staff): the lines on the first screen now, newest first.
public struct CelebrationsReply: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        /// The first name only, never more.
        public var name: String
        public var sessionTitle: String
        /// When the learner said yes.
        public var at: Date
        /// When the line leaves the screen.
        public var until: Date

        public init(name: String, sessionTitle: String, at: Date, until: Date) {
            self.name = name
            self.sessionTitle = sessionTitle
            self.at = at
            self.until = until
        }
    }

    public var celebrations: [Item]

    public init(celebrations: [Item]) {
        self.celebrations = celebrations
    }
}
