/// Random, URL-safe identifiers drawn from a cryptographically secure generator.
///
/// On Linux `SystemRandomNumberGenerator` reads `getrandom(2)`, the kernel CSPRNG, which is
/// what claim tokens need to be unguessable; tests pass a seeded generator instead.
public enum RandomToken {
    private static let base64URL: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// `bytes` random bytes as unpadded base64url: 16 bytes (128 bits) → 22 characters.
    public static func make<R: RandomNumberGenerator>(bytes: Int, using generator: inout R) -> String {
        // Eight bytes per draw: on Linux each draw from the system generator is a getrandom(2) call.
        var raw: [UInt8] = []
        raw.reserveCapacity(bytes + 7)
        while raw.count < bytes {
            withUnsafeBytes(of: generator.next()) { raw.append(contentsOf: $0) }
        }
        return encode(Array(raw.prefix(bytes)))
    }

    /// A claim code's QR token: 128 random bits.
    public static func claimToken<R: RandomNumberGenerator>(using generator: inout R) -> String {
        make(bytes: 16, using: &generator)
    }

    /// The 64 base64url characters in byte order, so numbers written with them sort as text.
    private static let ordered: [UInt8] = Array("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)

    /// An opaque id for a claim made at `time`, safe to show: 8 characters of the time (milliseconds,
    /// 48 bits, in `ordered`) then 96 random bits.
    ///
    /// The random part alone makes it unguessable; the time in front makes ids sort in the order
    /// claims were made, so the store's indexes keyed by claim id (the claims' own, and the awards'
    /// `awards_by_claim`) grow at their right-hand end, in pages a commit already holds, instead of
    /// touching a random page each in an index of years of claims.
    public static func claimID<R: RandomNumberGenerator>(at time: Timestamp, using generator: inout R) -> String {
        let milliseconds = UInt64(clamping: max(0, time.milliseconds))
        let prefix = (0..<8).reversed().map { slot in ordered[Int(milliseconds >> UInt64(6 * slot) & 63)] }
        return String(decoding: prefix, as: UTF8.self) + make(bytes: 12, using: &generator)
    }

    static func encode(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((raw.count * 4 + 2) / 3)
        var index = 0
        while index < raw.count {
            let b0 = UInt32(raw[index])
            let b1 = index + 1 < raw.count ? UInt32(raw[index + 1]) : 0
            let b2 = index + 2 < raw.count ? UInt32(raw[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            let available = min(3, raw.count - index) + 1
            for slot in 0..<available {
                out.append(base64URL[Int(triple >> UInt32(18 - 6 * slot) & 63)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `text` has the shape of a claim token (22 base64url characters).
    public static func looksLikeClaimToken(_ text: String) -> Bool {
        let utf8 = text.utf8
        return utf8.count == 22 && utf8.allSatisfy { base64URL.contains($0) }
    }
}
