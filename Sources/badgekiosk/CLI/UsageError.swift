/// The command line was wrong: an unknown command or flag, a missing or bad value. Exit code 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    /// The command whose `--help` explains the right usage.
    var command: String

    init(_ message: String, command: String = "badgekiosk") {
        self.message = message
        self.command = command
    }

    var description: String { "\(message) (see '\(command) --help')" }
}

/// The command could not do its work for a reason outside the command line: exit code 1.
struct RuntimeError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// badgekiosk will not use the state folder as it is (a damaged database, or one lost from a folder in
/// use); an admin must restore a backup or start afresh. Exit code 2, like a bad setting: retrying cannot help.
struct StateRefused: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
