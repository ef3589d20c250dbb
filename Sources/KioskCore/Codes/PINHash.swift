import Foundation

/// The volunteer PIN as the settings file keeps it: salted and slow to guess (PBKDF2-HMAC-SHA256,
/// RFC 8018), written `pbkdf2-sha256$100000$<salt base64>$<hash base64>`.
///
/// The settings file is readable by root alone, but it is copied into backups and support emails:
/// a PIN has so few digits that a fast hash would give it away in moments, so each guess costs
/// 100,000 rounds of HMAC.
public struct PINHash: Sendable, Equatable {
    /// Rounds for a new hash.
    public static let defaultIterations = 100_000
    static let prefix = "pbkdf2-sha256"
    private static let saltLength = 16

    public let iterations: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Reads the stored text; nil when it is not a hash this kiosk makes.
    public init?(parsing text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == Self.prefix,
              let iterations = Int(parts[1]), (1...10_000_000).contains(iterations),
              let salt = Data(base64Encoded: parts[2]), salt.count >= 8,
              let hash = Data(base64Encoded: parts[3]), hash.count == 32 else { return nil }
        self.iterations = iterations
        self.salt = Array(salt)
        self.hash = Array(hash)
    }

    /// Hashes `pin` under a fresh random salt.
    public init(pin: String, iterations: Int = defaultIterations, using generator: inout some RandomNumberGenerator) {
        let salt = (0..<Self.saltLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.init(pin: pin, salt: salt, iterations: iterations)
    }

    init(pin: String, salt: [UInt8], iterations: Int) {
        self.iterations = iterations
        self.salt = salt
        self.hash = Self.derive(password: Array(pin.utf8), salt: salt, iterations: iterations)
    }

    /// The text the settings file stores.
    public var text: String {
        "\(Self.prefix)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Whether `pin` is the PIN this hash was made from; slow on purpose, and in constant time.
    public func matches(_ pin: String) -> Bool {
        let candidate = Self.derive(password: Array(pin.utf8), salt: salt, iterations: iterations)
        return ConstantTime.equal(Data(candidate).base64EncodedString(), Data(hash).base64EncodedString())
    }

    /// PBKDF2-HMAC-SHA256's first 32-byte block, which is the whole key here.
    ///
    /// Each round is an HMAC of the previous round's 32 bytes. The key's inner and outer blocks are
    /// folded once, so a round is two compressions into reused buffers: `SHA256.hmac` would pad and
    /// allocate four times a round, 30 times slower.
    static func derive(password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        var round = SHA256.hmac(key: password, message: salt + [0, 0, 0, 1])
        var key = round
        var keyBlock = password.count > 64 ? SHA256.hash(password) : password
        keyBlock += [UInt8](repeating: 0, count: 64 - keyBlock.count)
        var words = [UInt32](repeating: 0, count: 64)
        let innerStart = folded(keyBlock.map { $0 ^ 0x36 }, words: &words)
        let outerStart = folded(keyBlock.map { $0 ^ 0x5c }, words: &words)
        // One block: the 32-byte message after the key's block, then padding for 96 bytes in all.
        var block = [UInt8](repeating: 0, count: 64)
        block[32] = 0x80
        block[62] = 0x03
        var state = innerStart
        for _ in 1..<max(iterations, 1) {
            for start in 0..<2 {
                for index in 0..<32 { block[index] = round[index] }
                for index in 0..<8 { state[index] = start == 0 ? innerStart[index] : outerStart[index] }
                block.withUnsafeBufferPointer { SHA256.compress(&state, block: $0, words: &words) }
                for index in 0..<8 { write(state[index], into: &round, at: index * 4) }
            }
            for index in key.indices { key[index] ^= round[index] }
        }
        return key
    }

    private static func folded(_ block: [UInt8], words: inout [UInt32]) -> [UInt32] {
        var state = SHA256.initialState
        block.withUnsafeBufferPointer { SHA256.compress(&state, block: $0, words: &words) }
        return state
    }

    private static func write(_ word: UInt32, into bytes: inout [UInt8], at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: word >> 24)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: word >> 16)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: word >> 8)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: word)
    }
}
