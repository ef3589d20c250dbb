import Foundation

/// `GET /api/v1/outbox`: the counts every client relies on, plus the forwarder's state in plain words.
public struct OutboxStatusReply: Codable, Sendable, Equatable {
    /// How many awards are in each state.
    public struct Counts: Codable, Sendable, Equatable {
        public var queued: Int
        public var sending: Int
        public var sent: Int
        public var failed: Int
        public var unsure: Int
        /// Claimed by a learner with no email yet: kept, not sent, until one is added.
        public var waiting: Int
        /// Still waiting for an email when the retention purge came: never sent.
        public var lapsed: Int

        public init(queued: Int, sending: Int, sent: Int, failed: Int, unsure: Int, waiting: Int = 0, lapsed: Int = 0) {
            self.queued = queued
            self.sending = sending
            self.sent = sent
            self.failed = failed
            self.unsure = unsure
            self.waiting = waiting
            self.lapsed = lapsed
        }
    }

    /// A recent forwarding error, as the forwarder recorded it.
    public struct LastError: Codable, Sendable, Equatable {
        public var award: Int64
        public var badge: String
        public var error: String
        public var at: Date

        public init(award: Int64, badge: String, error: String, at: Date) {
            self.award = award
            self.badge = badge
            self.error = error
            self.at = at
        }
    }

    /// An award waiting for staff to check the issuer's own records (staff only, so the email is shown).
    public struct Unsure: Codable, Sendable, Equatable {
        /// Where to POST each of the two choices.
        public struct Actions: Codable, Sendable, Equatable {
            public var resend: String
            public var arrived: String

            public init(resend: String, arrived: String) {
                self.resend = resend
                self.arrived = arrived
            }
        }

        public var award: Int64
        public var badge: String
        public var badgeName: String
        /// Left out once the retention purge has erased it.
        public var email: String?
        public var claim: String
        public var claimedAt: Date
        public var since: Date
        public var error: String
        /// What to check and the two choices, in plain words.
        public var message: String
        public var actions: Actions

        public init(award: Int64, badge: String, badgeName: String, email: String?, claim: String, claimedAt: Date,
                    since: Date, error: String, message: String, actions: Actions) {
            self.award = award
            self.badge = badge
            self.badgeName = badgeName
            self.email = email
            self.claim = claim
            self.claimedAt = claimedAt
            self.since = since
            self.error = error
            self.message = message
            self.actions = actions
        }
    }

    /// Whether the forwarder is sending, paused (and why) or has no issuer.
    public struct Forwarding: Codable, Sendable, Equatable {
        /// What the forwarder is doing.
        public enum State: String, Codable, Sendable {
            case sending, paused, off
        }

        /// `obf`, `badgr` or `navigatr`; left out with no issuer configured.
        public var issuer: String?
        public var state: State
        public var message: String
        /// Left out unless paused.
        public var pausedUntil: Date?
        public var inFlight: Int

        public init(issuer: String?, state: State, message: String, pausedUntil: Date? = nil, inFlight: Int) {
            self.issuer = issuer
            self.state = state
            self.message = message
            self.pausedUntil = pausedUntil
            self.inFlight = inFlight
        }
    }

    public var counts: Counts
    /// Left out when nothing is queued.
    public var oldestQueuedAt: Date?
    public var oldestQueuedAgeSeconds: Int64?
    public var lastErrors: [LastError]
    /// The longest-waiting unsure awards first (the count of all is `counts.unsure`).
    public var unsure: [Unsure]
    public var forwarding: Forwarding

    public init(counts: Counts, oldestQueuedAt: Date?, oldestQueuedAgeSeconds: Int64?, lastErrors: [LastError],
                unsure: [Unsure], forwarding: Forwarding) {
        self.counts = counts
        self.oldestQueuedAt = oldestQueuedAt
        self.oldestQueuedAgeSeconds = oldestQueuedAgeSeconds
        self.lastErrors = lastErrors
        self.unsure = unsure
        self.forwarding = forwarding
    }
}

/// `POST /api/v1/outbox/{id}/retry|resend|arrived`: the award's new state.
public struct AwardReply: Codable, Sendable, Equatable {
    /// One award and where it now stands (`queued`, or `sent` once staff said it arrived).
    public struct Detail: Codable, Sendable, Equatable {
        public var id: Int64
        public var state: String

        public init(id: Int64, state: String) {
            self.id = id
            self.state = state
        }
    }

    public var award: Detail

    public init(id: Int64, state: String) {
        award = Detail(id: id, state: state)
    }
}
