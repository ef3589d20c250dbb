extension QRCode {
    /// The code as an SVG image, quiet zone included, `moduleSize` pixels a module; `caption` lines
    /// are printed under it (for slips: the short code a learner can type instead).
    public func svg(moduleSize: Int = 8, caption: [String] = []) -> String {
        let side = paddedSize * moduleSize
        let lineHeight = moduleSize * 3
        let height = side + caption.count * lineHeight + (caption.isEmpty ? 0 : moduleSize)
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(side)" height="\(height)" viewBox="0 0 \(side) \(height)">
        <rect width="\(side)" height="\(height)" fill="#fff"/>
        <path transform="scale(\(moduleSize))" shape-rendering="crispEdges" fill="#000" d="\(path)"/>

        """
        for (index, line) in caption.enumerated() {
            let baseline = side + (index + 1) * lineHeight - moduleSize / 2
            svg += """
            <text x="\(side / 2)" y="\(baseline)" text-anchor="middle" font-family="sans-serif" \
            font-size="\(moduleSize * 2)">\(Self.escaped(line))</text>

            """
        }
        return svg + "</svg>\n"
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
