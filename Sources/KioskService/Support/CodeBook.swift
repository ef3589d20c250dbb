import KioskCore
import Posix

/// Every claim code the service knows, for matching what a learner scanned or typed.
///
/// Kept in memory so the hot claim path needs no database read. Lookup goes through a
/// Dictionary, whose hashing is seeded per process, so timing reveals nothing about how close a
/// guess was; the final check is a constant-time comparison of the whole code.
public final class CodeBook: Sendable {
    /// What the book remembers of one code: enough to route a claim to its session.
    public struct Entry: Sendable, Equatable {
        public var codeID: Int64
        public var sessionID: Int64
        public var token: String
        public var short: String
    }

    private let entries = Locked<(byToken: [String: Entry], byShort: [String: Entry])>(([:], [:]))

    public init(_ codes: [ClaimCode] = []) {
        for code in codes { add(code) }
    }

    public func add(_ code: ClaimCode) {
        let entry = Entry(codeID: code.id, sessionID: code.sessionID, token: code.token, short: code.short)
        entries.withLock {
            $0.byToken[code.token] = entry
            $0.byShort[code.short] = entry
        }
    }

    /// The code a learner gave: a QR token, or a short code typed with any case, dashes or spaces.
    public func find(_ given: String) -> Entry? {
        let trimmed = given.trimmingWhitespace()
        guard trimmed.utf8.count <= 64 else { return nil }
        if RandomToken.looksLikeClaimToken(trimmed) {
            guard let entry = entries.withLock({ $0.byToken[trimmed] }) else { return nil }
            return ConstantTime.equal(entry.token, trimmed) ? entry : nil
        }
        guard let short = ShortCode.normalize(trimmed),
              let entry = entries.withLock({ $0.byShort[short] }) else { return nil }
        return ConstantTime.equal(entry.short, short) ? entry : nil
    }

    public var count: Int { entries.withLock { $0.byToken.count } }
}
