extension QRCode {
    /// The code as an SVG image, quiet zone included, `moduleSize` pixels a module.
    public func svg(moduleSize: Int = 8) -> String {
        let side = paddedSize * moduleSize
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
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(side)" height="\(side)" viewBox="0 0 \(side) \(side)">
        <rect width="\(side)" height="\(side)" fill="#fff"/>
        <path transform="scale(\(moduleSize))" shape-rendering="crispEdges" fill="#000" d="\(path)"/>
        </svg>

        """
    }
}
