import Foundation
import QRCode

/// `badgekiosk qr TEXT [--svg FILE] [--style halfblock|blocks]`: a QR code in the terminal or as SVG.
enum QRCommand {
    static let help = """
    Usage: badgekiosk qr TEXT [--svg FILE] [--style halfblock|blocks]

    Prints TEXT as a QR code (error correction M, 4-module quiet zone) in this terminal, or
    writes it to FILE as an SVG picture to print.

    Options:
      --svg FILE       Write an SVG picture instead of printing.
      --style S        halfblock (two module rows a character, the default) or blocks
                       (two reverse-video spaces a module, for fonts without half blocks).
      --help           Show this help.
    """

    static func run(_ arguments: Arguments) throws {
        var arguments = arguments
        if arguments.flag("help") { return Console.out(help) }
        let svgPath = try arguments.option("svg")
        let styleName = try arguments.option("style") ?? "halfblock"
        guard let style = QRRenderStyle(rawValue: styleName) else {
            throw UsageError("--style takes halfblock or blocks, not '\(styleName)'", command: arguments.command)
        }
        guard let text = arguments.positional() else { throw UsageError("say what to encode", command: arguments.command) }
        try arguments.finish()
        let code: QRCode
        do {
            code = try QRCode(text: text)
        } catch {
            throw RuntimeError("cannot make a QR code of that text: \(error)")
        }
        if let svgPath {
            do {
                try code.svg(caption: []).write(toFile: svgPath, atomically: true, encoding: .utf8)
            } catch {
                throw RuntimeError("cannot write \(svgPath): \(error)")
            }
            return
        }
        Console.out(terminalText(QRTerminalArt(code, style: style)))
    }

    /// The code as lines of text: black on white (SGR 30;47), so it scans on dark and light terminals.
    static func terminalText(_ art: QRTerminalArt) -> String {
        (0..<art.height).map { row in
            var line = "\u{1B}[30;47m"
            for column in 0..<art.width {
                switch (art.style, art[column, row]) {
                case (_, .light): line += " "
                case (.blocks, _): line += "\u{1B}[7m \u{1B}[27m"
                case (.halfBlock, .dark): line += "\u{2588}"
                case (.halfBlock, .upperDark): line += "\u{2580}"
                case (.halfBlock, .lowerDark): line += "\u{2584}"
                }
            }
            return line + "\u{1B}[0m"
        }.joined(separator: "\n")
    }
}
