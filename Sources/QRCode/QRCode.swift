import CQREncode
@preconcurrency import Glibc

/// A QR code's module matrix, made by libqrencode at error-correction level M.
public struct QRCode: Sendable, Equatable {
    /// Light modules around the code that scanners need to find it (the standard asks for 4).
    public static let quietZone = 4

    /// Modules per side, without the quiet zone.
    public let size: Int
    /// The QR version (1–40).
    public let version: Int
    /// Row by row, true for a dark module.
    public let modules: [Bool]

    /// Encodes `text` as UTF-8 bytes (case kept, so tokens in URLs survive).
    public init(text: String) throws(QRCodeError) {
        guard !text.isEmpty else { throw .empty }
        let made: UnsafeMutablePointer<QRcode>? = text.withCString { QRcode_encodeString($0, 0, QR_ECLEVEL_M, QR_MODE_8, 1) }
        guard let code = made else {
            throw errno == ERANGE ? .tooLong : .failed(errno)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        version = Int(code.pointee.version)
        // Bit 0 of each byte is the module's colour; the other bits describe what it is part of.
        modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
    }

    /// The module at (`x`, `y`) counted from the code's own corner; outside the code is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Modules per side with the quiet zone on every side.
    public var paddedSize: Int { size + 2 * Self.quietZone }

    /// The module at (`x`, `y`) counted from the quiet zone's corner.
    public func isDarkPadded(x: Int, y: Int) -> Bool {
        isDark(x: x - Self.quietZone, y: y - Self.quietZone)
    }
}

/// Why a QR code could not be made.
public enum QRCodeError: Error, Equatable, Sendable {
    case empty
    /// More than a version 40 code holds.
    case tooLong
    case failed(Int32)
}
