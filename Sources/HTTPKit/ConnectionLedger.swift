/// Who holds the server's connection places: how many each address has, and on which event loop.
///
/// Pure bookkeeping, so the rules for a shared network are tested without sockets: one address
/// holds at most `maxPerAddress` places, and a full server still lets in an address that holds
/// fewer than the heaviest one, which must then give one up (`Decision.admitShedding`).
struct ConnectionLedger {
    /// What to do with a connection just accepted.
    enum Decision: Equatable {
        /// It takes a free place.
        case admit
        /// It takes a place lent past the limit, which `address` pays back by shedding one of its
        /// connections on event loop `loop`.
        case admitShedding(address: String, loop: Int)
        /// Its address holds all the places one address may have.
        case addressFull
        /// Every place is taken and no address holds more than this one's fair share.
        case serverFull
    }

    private struct Holding {
        var total = 0
        /// Connections asked to shed and not yet closed: not counted when choosing the next to shed.
        var shedding = 0
        var perLoop: [Int]
    }

    /// Places a full server lends to newcomers while the heaviest addresses shed connections.
    static let shedAllowance = 16

    let maxConnections: Int
    let maxPerAddress: Int
    let loops: Int
    private(set) var total = 0
    private var holdings: [String: Holding] = [:]

    init(maxConnections: Int, maxPerAddress: Int, loops: Int) {
        self.maxConnections = maxConnections
        self.maxPerAddress = maxPerAddress
        self.loops = loops
    }

    /// How many places `address` holds.
    func count(of address: String) -> Int {
        holdings[address]?.total ?? 0
    }

    /// Decides on a connection from `address` that would be served on event loop `loop`, and
    /// counts it in unless it is refused.
    mutating func admit(_ address: String, loop: Int) -> Decision {
        let held = count(of: address)
        if held >= maxPerAddress { return .addressFull }
        if total < maxConnections {
            take(address, loop)
            return .admit
        }
        guard total < maxConnections + Self.shedAllowance, let (heaviest, holding) = heaviest(),
              holding.total - holding.shedding >= held + 2 else { return .serverFull }
        // The loop where that address holds most, so it is likely to find one to shed there.
        let victimLoop = holding.perLoop.indices.max { holding.perLoop[$0] < holding.perLoop[$1] } ?? 0
        holdings[heaviest]!.shedding += 1
        take(address, loop)
        return .admitShedding(address: heaviest, loop: victimLoop)
    }

    /// Gives back the place of a connection from `address` on event loop `loop`.
    mutating func release(_ address: String, loop: Int) {
        guard var holding = holdings[address], holding.perLoop[loop] > 0 else { return }
        total -= 1
        holding.total -= 1
        holding.perLoop[loop] -= 1
        // Any of its connections closing makes the room a shed was asked for.
        if holding.shedding > 0 { holding.shedding -= 1 }
        holdings[address] = holding.total == 0 ? nil : holding
    }

    private mutating func take(_ address: String, _ loop: Int) {
        total += 1
        holdings[address, default: Holding(perLoop: Array(repeating: 0, count: loops))].total += 1
        holdings[address]!.perLoop[loop] += 1
    }

    private func heaviest() -> (String, Holding)? {
        var best: (String, Holding)?
        for (address, holding) in holdings where best.map({ holding.total - holding.shedding > $0.1.total - $0.1.shedding }) ?? true {
            best = (address, holding)
        }
        return best
    }
}
