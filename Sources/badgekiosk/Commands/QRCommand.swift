import Foundation
import QRCode

/// `badgekiosk qr TEXT`: a QR code in the terminal or as SVG.
enum QRCommand {
    static let declaration = CommandDeclaration(
        "qr", summary: "Print a QR code in the terminal, or write it as an SVG picture.",
        description: """
        Prints TEXT as a QR code (error correction M, 4-module quiet zone) in this terminal, or
        writes it to FILE as an SVG picture to print.
        """,
        options: [
            OptionDeclaration("svg", valueName: "FILE", doc: "Write an SVG picture instead of printing"),
            OptionDeclaration("style", valueName: "STYLE", doc: "halfblock (two module rows a character) or blocks "
                                  + "(two reverse-video spaces a module, for fonts without half blocks)",
                              defaultValue: .value(QRRenderStyle.halfBlock.rawValue)),
        ],
        positionals: [PositionalDeclaration("TEXT", doc: "what to encode")],
        run: run)

    private static func run(_ parsed: ParsedArguments) throws {
        let style = try parsed.choice("style", of: QRRenderStyle.self)
        let text = try parsed.required(positional: "TEXT")
        let code: QRCode
        do {
            code = try QRCode(text: text)
        } catch {
            throw RuntimeError("cannot make a QR code of that text: \(error)")
        }
        if let svgPath = parsed.string("svg") {
            do {
                try code.svg().write(toFile: svgPath, atomically: true, encoding: .utf8)
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
