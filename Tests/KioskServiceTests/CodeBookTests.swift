import KioskCore
import KioskService
import Posix
import Testing

@Suite("Code book: open codes in memory, the rest from the store")
struct CodeBookTests {
    static let open = ClaimCode(id: 1, sessionID: 1, token: "AAAAAAAAAAAAAAAAAAAAAA", short: "K7MQXZ",
                                createdAt: Timestamp(milliseconds: 0), expiresAt: Timestamp(milliseconds: 10), maxClaims: 5)
    static let old = ClaimCode(id: 2, sessionID: 7, token: "BBBBBBBBBBBBBBBBBBBBBB", short: "P4RTWY",
                               createdAt: Timestamp(milliseconds: 0), expiresAt: Timestamp(milliseconds: 10), maxClaims: 5)

    @Test("a code in the book is found without asking the store; one not in it is asked for by its normal form and not kept")
    func asksTheStoreOnlyForWhatItDoesNotHold() {
        let asked = Locked<[CodeBook.Key]>([])
        let book = CodeBook([Self.open]) { key in
            asked.withLock { $0.append(key) }
            return key == .token(Self.old.token) || key == .short(Self.old.short) ? Self.old : nil
        }
        #expect(book.find(Self.open.token)?.codeID == 1)
        #expect(book.find("k7m-qxz")?.codeID == 1)
        #expect(asked.withLock { $0 }.isEmpty)

        let found = book.find(Self.old.token)
        #expect(found?.codeID == 2 && found?.sessionID == 7 && found?.short == Self.old.short)
        #expect(book.find(" p4r-twy ")?.sessionID == 7)
        #expect(book.find("CCCCCCCCCCCCCCCCCCCCCC") == nil)
        #expect(asked.withLock { $0 } == [.token(Self.old.token), .short("P4RTWY"), .token("CCCCCCCCCCCCCCCCCCCCCC")])
        // Found, not kept: the book holds the open codes only, however many the store has.
        #expect(book.count == 1)
        // Nothing shaped like a code is never looked up at all.
        #expect(book.find("not a code!") == nil)
        #expect(asked.withLock { $0 }.count == 3)
    }
}
