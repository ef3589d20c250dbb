import KioskService

/// The checks of the settings, the state folder, its database, its disk and the outbox.
extension Doctor {
    /// Which settings file was read and how that went.
    struct SettingsFacts: Sendable, Equatable {
        /// The file read; nil when there is none and the defaults are used.
        var file: String?
        /// Why the settings did not load (file, line, key and problem); nil when they did.
        var problem: String?
        /// The file is there but this user may not read it (it is root's alone on a kiosk).
        var unreadable = false
        /// The volunteer PIN is written out in digits (`pin`) rather than only hashed (`pin_hash`).
        var plainPIN = false
    }

    static func settings(_ facts: SettingsFacts) -> DoctorCheck {
        let name = "settings"
        if facts.unreadable, let file = facts.file {
            return .fail(name, "\(file) can be read by root only", advice: "Run it as root: sudo badgekiosk doctor.")
        }
        if let problem = facts.problem {
            return .fail(name, problem, advice: "Fix that line of the settings, then run 'badgekiosk doctor' again.")
        }
        guard let file = facts.file else {
            return .warn(name, "there is no settings file, so the built-in defaults are used",
                         advice: "Write \(ServiceConfiguration.defaultPath) (the .deb installs an example there).")
        }
        if facts.plainPIN {
            return .warn(name, "\(file) holds the volunteer PIN in plain digits",
                         advice: "Run 'sudo badgekiosk setup': it stores the PIN only hashed (pin_hash).")
        }
        return .ok(name, "\(file) loads")
    }

    /// The state folder as this user sees it.
    struct StateFolderFacts: Sendable, Equatable {
        var path: String
        var exists = true
        var isFolder = true
        /// This user may list and read what is inside (root, or the folder's owner).
        var canLookInside = true
        /// The folder's owner, which runs the service, may write in it.
        var ownerCanWrite = true
        /// Files in it (the database, its log, the staff token) that belong to another user than the folder.
        var strangers: [String] = []
    }

    static func stateFolder(_ facts: StateFolderFacts) -> DoctorCheck {
        let name = "state folder"
        let path = facts.path
        guard facts.exists else {
            return .fail(name, "\(path) does not exist",
                         advice: "The service makes it when it starts: sudo systemctl start badgekiosk. If it belongs elsewhere, fix state_dir in the settings.")
        }
        guard facts.isFolder else {
            return .fail(name, "\(path) is a file, not a folder", advice: "Move it aside, or set state_dir to a folder.")
        }
        guard facts.canLookInside else {
            return .warn(name, "this user cannot look inside \(path)", advice: "Run it as root: sudo badgekiosk doctor.")
        }
        guard facts.ownerCanWrite else {
            return .fail(name, "the service's user cannot write in \(path)", advice: "Let it: sudo chmod 700 \(path).")
        }
        guard facts.strangers.isEmpty else {
            let files = facts.strangers.map { "\(path)/\($0)" }.joined(separator: " ")
            return .fail(name, "\(facts.strangers.joined(separator: ", ")) in \(path) belong to another user, so the service cannot write them",
                         advice: "Give them back: sudo chown --reference=\(path) \(files).")
        }
        return .ok(name, "\(path) is there and the service's user can write in it")
    }

    /// The database, as opening it the service's way found it (`PRAGMA quick_check` included).
    enum DatabaseFacts: Sendable, Equatable {
        /// Never made: the folder was never used by a service.
        case notMade
        /// It opened and passed its check.
        case passed(sessions: Int, claims: Int)
        /// badgekiosk refuses it (damaged, or lost from a folder in use): the store's words.
        case refused(String)
        /// It could not be opened or read.
        case failed(String)
        /// Not looked at: the reason.
        case notChecked(String)
    }

    static func database(_ facts: DatabaseFacts) -> DoctorCheck {
        let name = "database"
        switch facts {
        case .notMade:
            return .warn(name, "there is none yet", advice: "The service makes it at its first start: sudo systemctl start badgekiosk.")
        case let .passed(sessions, claims):
            return .ok(name, "passes its check (\(sessions) session\(sessions == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s"))")
        case let .refused(reason):
            return .fail(name, reason, advice: "With the service stopped, 'sudo badgekiosk restore FILE' puts a backup back.")
        case let .failed(reason):
            return .fail(name, reason, advice: "Run it as root (sudo badgekiosk doctor); if it still fails, restore a backup with 'badgekiosk restore FILE'.")
        case let .notChecked(reason):
            return .skipped(name, because: reason)
        }
    }

    /// Room left on the state folder's disk.
    struct DiskFacts: Sendable, Equatable {
        var path: String
        /// Bytes an unprivileged user could still write.
        var freeBytes: Int64
    }

    static func disk(_ facts: DiskFacts) -> DoctorCheck {
        let name = "disk space"
        let free = "\(size(facts.freeBytes)) free for \(facts.path)"
        let advice = "Make room: delete files you do not need, or shrink the system log (sudo journalctl --vacuum-size=50M)."
        if facts.freeBytes < criticalDiskBytes {
            return .fail(name, "only \(free): claims stop when the disk is full", advice: advice)
        }
        if facts.freeBytes < lowDiskBytes { return .warn(name, "only \(free)", advice: advice) }
        return .ok(name, free)
    }

    /// The outbox in figures.
    struct OutboxFacts: Sendable, Equatable {
        var issuerConfigured: Bool
        var waiting: Int
        /// How long the oldest waiting award has waited; nil when none waits.
        var oldestWaitSeconds: Int64?
        var unsure: Int
    }

    static func outbox(_ facts: OutboxFacts) -> DoctorCheck {
        let name = "outbox"
        let waited = facts.oldestWaitSeconds.map(OutboxCommand.duration(seconds:))
        if facts.issuerConfigured, let seconds = facts.oldestWaitSeconds, seconds > stalledOutboxSeconds, let waited {
            return .fail(name, "\(facts.waiting) award\(facts.waiting == 1 ? "" : "s") waiting, the oldest for \(waited)",
                         advice: "See why: badgekiosk outbox.")
        }
        if !facts.issuerConfigured, facts.waiting > 0 {
            return .warn(name, "\(facts.waiting) award\(facts.waiting == 1 ? " waits" : "s wait") because no issuer is set",
                         advice: "Set the issuer in the settings; they are sent once it is.")
        }
        if facts.unsure > 0 {
            return .warn(name, "\(facts.unsure) award\(facts.unsure == 1 ? " is" : "s are") unsure: the issuer may or may not have them",
                         advice: "Check them: badgekiosk outbox.")
        }
        guard let waited else { return .ok(name, "nothing is waiting") }
        return .ok(name, "\(facts.waiting) award\(facts.waiting == 1 ? "" : "s") waiting, the oldest for \(waited)")
    }
}
