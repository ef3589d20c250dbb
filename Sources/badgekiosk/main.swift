@preconcurrency import Glibc

/// `badgekiosk <command>`: every error ends as one line on stderr (no command at all shows the usage
/// there instead); usage and config errors, and a state folder badgekiosk refuses to use, exit 2.
let words = Array(CommandLine.arguments.dropFirst())
do {
    try Command.run(words)
    exit(0)
} catch let error as UsageError {
    Console.error(error.report)
    exit(2)
} catch let error as ConfigErrorReport {
    Console.error("badgekiosk: \(error)")
    exit(2)
} catch let error as StateRefused {
    Console.error("badgekiosk: \(error)")
    exit(2)
} catch {
    Console.error("badgekiosk: \(error)")
    exit(1)
}
