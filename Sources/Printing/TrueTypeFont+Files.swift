import Foundation

extension TrueTypeFont {
    /// Where Debian's fonts-dejavu-core puts the fonts the slips use: Latin, Cyrillic and more.
    public static let dejaVuFolder = "/usr/share/fonts/truetype/dejavu"

    /// The font file at `path`, named for the PDF by its file name.
    public static func load(_ path: String) throws(PrintingError) -> TrueTypeFont {
        guard let data = FileManager.default.contents(atPath: path) else { throw .noFont(path) }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try TrueTypeFont(data: [UInt8](data), name: name.filter { $0.isLetter || $0.isNumber || $0 == "-" })
    }

    /// DejaVu Sans and DejaVu Sans Bold from `folder`.
    public static func dejaVu(in folder: String = dejaVuFolder) throws(PrintingError) -> (regular: TrueTypeFont, bold: TrueTypeFont) {
        (try load("\(folder)/DejaVuSans.ttf"), try load("\(folder)/DejaVuSans-Bold.ttf"))
    }
}
