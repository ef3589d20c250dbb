import Dispatch
import Posix
import QRCode
import TerminalUI

/// The terminal front: runs the screens on this terminal until a volunteer quits (demo only) or
/// the terminal goes away. The model and view are pure; this is the thin shell around them:
/// terminal I/O, the clock, and requests to the service on a background queue.
public final class FrontApp {
    private let configuration: FrontConfiguration
    private let address: ServiceAddress
    private let terminal = Terminal()

    public init(configuration: FrontConfiguration) throws(FrontError) {
        guard let address = ServiceAddress(configuration.serviceURL) else {
            throw FrontError("the service URL must look like http://127.0.0.1:8080, not '\(configuration.serviceURL)'")
        }
        self.configuration = configuration
        self.address = address
    }

    /// Takes over the terminal (raw mode, restored on every way out) and runs until the front ends.
    public func run() throws -> FrontExit {
        guard terminal.isTerminal else { throw FrontError("the front needs a terminal (it is a full-screen program)") }
        Signals.ignoreBrokenPipe()
        let wakeup = try Wakeup()
        let inbox = Locked<[FrontEvent]>([])
        let post: @Sendable (FrontEvent) -> Void = { event in
            inbox.withLock { $0.append(event) }
            wakeup.signal()
        }
        let monitor = ServiceMonitor(address: address, token: configuration.staffToken) { post(.stream($0)) }
        let slips = SlipOptions(directory: configuration.slipDirectory, wifi: configuration.wifi, printer: configuration.printer)
        let runner = EffectRunner(client: ServiceClient(address: address, token: configuration.staffToken), slips: slips,
                                  post: post, monitor: monitor)
        try terminal.enterRawMode(wakeFD: wakeup.fd)
        defer { terminal.restore() }
        let speaker = Speaker()
        let settings = FrontModel.Settings(issuerName: configuration.issuerName, demoHint: configuration.demoHint,
                                           allowQuit: configuration.allowQuit, pin: configuration.pin,
                                           pinHash: configuration.pinHash,
                                           qrStyle: resolvedQRStyle(), language: configuration.language,
                                           wifi: configuration.wifi, speakScreens: configuration.speakScreens,
                                           canSpeak: speaker.canSpeak, canPrint: slips.canPrint)
        var loop = FrontLoop(model: FrontModel(settings: settings, now: Self.now()), terminal: terminal)
        monitor.start()
        return try loop.run(wakeup: wakeup, inbox: inbox, runner: runner, speaker: speaker)
    }

    /// `auto`: half blocks unless this is a Linux VT whose font has none.
    private func resolvedQRStyle() -> QRRenderStyle {
        switch configuration.qrStyle {
        case .halfBlock: .halfBlock
        case .blocks: .blocks
        case .auto: ConsoleFont.hasHalfBlocks(fd: terminal.output) == false ? .blocks : .halfBlock
        }
    }

    static func now() -> Double {
        Double(MonotonicClock.nanoseconds()) / 1e9
    }
}

/// Runs effects on a serial background queue, so the screen never waits on the network.
final class EffectRunner: Sendable {
    private let queue = DispatchQueue(label: "badgekiosk-front-service")
    /// Not thread-safe, and never shared: only blocks running on `queue` touch it.
    private nonisolated(unsafe) let client: ServiceClient
    private let slips: SlipOptions
    private let post: @Sendable (FrontEvent) -> Void
    private let monitor: ServiceMonitor

    init(client: ServiceClient, slips: SlipOptions, post: @escaping @Sendable (FrontEvent) -> Void, monitor: ServiceMonitor) {
        self.client = client
        self.slips = slips
        self.post = post
        self.monitor = monitor
    }

    func run(_ effect: FrontEffect) {
        queue.async { [self] in
            guard let reply = client.perform(effect, slips: slips) else { return }
            if reply.failure?.isUnreachable == true { monitor.kick() }
            post(.reply(reply))
        }
    }
}
