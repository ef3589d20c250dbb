@preconcurrency import Glibc
import Posix

/// The setup dialogue's end of the console: a question, then one line typed, without echo for secrets
/// when standard input is a terminal (a script's piped answers have nothing to hide from).
struct SetupConsole {
    let isTerminal = isatty(0) == 1

    /// Prints `question` and `current` in brackets, then reads a line; nil when standard input ended.
    func ask(_ question: String, current: String?, secret: Bool) -> String? {
        Console.out(question)
        let prompt = "  " + (current.map { "[\($0)] " } ?? "") + "> "
        Console.text(prompt)
        guard isTerminal else {
            // Piped answers are not echoed: end the prompt's line, so what follows reads in order.
            defer { Console.out("") }
            return readLine(strippingNewline: true)
        }
        guard secret else { return readLine(strippingNewline: true) }
        var saved = termios()
        guard case .success = systemCall("tcgetattr", { tcgetattr(0, &saved) }) else { return readLine(strippingNewline: true) }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        _ = systemCall("tcsetattr") { tcsetattr(0, TCSAFLUSH, &quiet) }
        defer {
            _ = systemCall("tcsetattr") { tcsetattr(0, TCSAFLUSH, &saved) }
            Console.out("")
        }
        return readLine(strippingNewline: true)
    }

    /// A yes-or-no question; Enter takes `default`.
    func confirm(_ question: String, default answer: Bool) -> Bool {
        let line = ask(question, current: answer ? "yes" : "no", secret: false)?.trimmingWhitespace().lowercased() ?? ""
        return line.isEmpty ? answer : line.hasPrefix("y")
    }
}
