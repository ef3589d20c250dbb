import KioskCore

/// What the start page shows about the session the code belongs to.
struct SessionDetails: Sendable, Equatable {
    var title: String
    var badges: [Badge]
}
