import Foundation
import Localization

/// Speaks with espeak-ng (Debian's package) when it is installed: one utterance at a time, a new
/// one cutting off the last. espeak-ng plays through the machine's sound; with no sound device it
/// fails quietly and the kiosk carries on in silence. Its output never reaches the screen.
final class Speaker: @unchecked Sendable {
    private let tool: ExternalTool?
    private let queue = DispatchQueue(label: "badgekiosk-front-speech")
    /// The utterance being spoken; touched only on `queue`.
    private var current: Process?

    init(tool: ExternalTool? = ExternalTool.find("espeak-ng")) {
        self.tool = tool
    }

    var canSpeak: Bool { tool != nil }

    /// espeak-ng's voice for `language`: British English for ours.
    static func voice(_ language: Language) -> String {
        language == .english ? "en-gb" : language.rawValue
    }

    /// The command line for `text` in `language`: a little slower than espeak-ng's usual pace, for
    /// learners new to English; to `wav` instead of the speakers when given (for tests and checks).
    static func arguments(_ text: String, _ language: Language, wav: String? = nil) -> [String] {
        ["-v", voice(language), "-s", "145"] + (wav.map { ["-w", $0] } ?? []) + ["--", text]
    }

    func speak(_ text: String, _ language: Language) {
        guard let tool else { return }
        queue.async { [self] in
            stopCurrent()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool.path)
            process.arguments = Self.arguments(text, language)
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return }
            current = process
        }
    }

    func hush() {
        queue.async { [self] in stopCurrent() }
    }

    private func stopCurrent() {
        guard let process = current else { return }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        current = nil
    }
}
