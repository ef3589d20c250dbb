import Posix
import TerminalUI

/// The front's event loop: waits in poll for a key, a wake-up (replies, live events, SIGWINCH) or
/// the model's next deadline, feeds what happened to `Front.update`, and draws the changes.
struct FrontLoop {
    /// How long a lone ESC byte waits for the rest of a sequence before it counts as the Escape key.
    static let escapeSeconds = 0.03

    var model: FrontModel
    let terminal: Terminal
    private var decoder = KeyDecoder()
    private var renderer = DiffRenderer()
    private var size: TerminalSize
    private var escapeDeadline: Double?

    init(model: FrontModel, terminal: Terminal) {
        self.model = model
        self.terminal = terminal
        size = terminal.size()
    }

    mutating func run(wakeup: Wakeup, inbox: Locked<[FrontEvent]>, runner: EffectRunner, speaker: Speaker) throws -> FrontExit {
        try draw()
        while true {
            let readiness = try terminal.waitForInput(wakeFD: wakeup.fd, timeoutMilliseconds: timeout())
            var events: [FrontEvent] = []
            if readiness.input {
                let bytes = try terminal.readInput()
                if bytes.isEmpty { return .terminalClosed }
                events += decoder.feed(bytes).map(FrontEvent.key)
                escapeDeadline = decoder.hasPending ? FrontApp.now() + Self.escapeSeconds : nil
            } else if readiness.hangUp {
                return .terminalClosed
            }
            if let deadline = escapeDeadline, FrontApp.now() >= deadline {
                events += decoder.flush().map(FrontEvent.key)
                escapeDeadline = nil
            }
            if readiness.wake {
                wakeup.drain()
                events += inbox.withLock { pending in
                    defer { pending.removeAll() }
                    return pending
                }
            }
            if terminal.takeResize() {
                size = terminal.size()
                renderer.invalidate()
            }
            if let due = Front.nextDeadline(model), FrontApp.now() >= due { events.append(.tick) }
            for event in events {
                let (next, effects) = Front.update(model, event, now: FrontApp.now())
                model = next
                for effect in effects {
                    switch effect {
                    case .quit: return .quit
                    case .speak(let text, let language): speaker.speak(text, language)
                    case .hush: speaker.hush()
                    case .bell: try terminal.write([0x07])
                    default: runner.run(effect)
                    }
                }
            }
            try draw()
        }
    }

    /// Milliseconds until the next deadline (rounded up, so the tick finds it due); -1 for none.
    private func timeout() -> Int32 {
        let deadlines = [Front.nextDeadline(model), escapeDeadline].compactMap { $0 }
        guard let next = deadlines.min() else { return -1 }
        let milliseconds = ((next - FrontApp.now()) * 1000).rounded(.up)
        return Int32(max(0, min(milliseconds, Double(Int32.max))))
    }

    private mutating func draw() throws {
        let bytes = renderer.render(FrontView.render(model, size: size))
        if !bytes.isEmpty { try terminal.write(bytes) }
    }
}
