/// The command line was wrong: an unknown command or flag, a missing or bad value. Exit code 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    /// The command whose `--help` explains the right usage: `badgekiosk badges add`.
    var command: String
    /// Shown whole instead of the one-line message: the usage, when no command was given at all.
    var usage: String?

    init(_ message: String, command: String = "badgekiosk") {
        self.message = message
        self.command = command
    }

    /// No command at all: `usage` goes to standard error as it is.
    static func noCommand(usage: String) -> UsageError {
        var error = UsageError("say which command to run")
        error.usage = usage
        return error
    }

    var description: String { "\(message) (see '\(command) --help')" }

    /// What standard error shows: one line, `badgekiosk: <problem> (see '<command> --help')`, or the usage.
    var report: String { usage ?? "badgekiosk: \(description)" }
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
