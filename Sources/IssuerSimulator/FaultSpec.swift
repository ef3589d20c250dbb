import Foundation

/// Which faults the simulator injects and how often: `500:0.2,429:0.1,timeout:0.05,reset:0.05,drop:0.1,token-expiry:30s`.
///
/// Each `KIND:P` entry (KIND: a status 400–599, `timeout`, `reset`, `slow`, `drop`, `drop-reused`) hits
/// a share P (0…1) of award and look-up requests (`drop-reused`: of those that arrive on a reused
/// keep-alive connection); the shares must add up to 1
/// at most. `token-expiry:D` makes access tokens stop working D after they are handed out (`30s`, `2m`,
/// or plain seconds), though the token answer still promises an hour, as when an issuer rotates keys.
public struct FaultSpec: Sendable, Equatable, CustomStringConvertible {
    /// One way to misbehave.
    public enum Fault: Sendable, Equatable, CustomStringConvertible {
        /// Answer with this status: a 5xx half the time after storing the award, as a crashing issuer
        /// might; a 4xx (a refusal for good) without storing it.
        case status(Int)
        /// 429 with `Retry-After`.
        case tooManyRequests
        /// Store the award but never answer: the client has to give up.
        case timeout
        /// Close the connection without answering (nothing stored).
        case reset
        /// Store the award and answer late.
        case slow
        /// Store the award, then close the connection without answering, as a proxy or a flaky
        /// venue link that loses the answer does.
        case drop
        /// `drop`, but only for a request on a reused keep-alive connection: the case where a client
        /// that retries "a connection the server closed while idle" sends the award a second time.
        case dropReused

        public var description: String {
            switch self {
            case let .status(code): String(code)
            case .tooManyRequests: "429"
            case .timeout: "timeout"
            case .reset: "reset"
            case .slow: "slow"
            case .drop: "drop"
            case .dropReused: "drop-reused"
            }
        }
    }

    /// A fault and the share of requests it hits.
    public struct Rate: Sendable, Equatable {
        public var fault: Fault
        public var probability: Double

        public init(fault: Fault, probability: Double) {
            self.fault = fault
            self.probability = probability
        }
    }

    public var rates: [Rate]
    /// Seconds an access token works; nil for as long as the token answer says.
    public var tokenLifetime: Double?

    /// No faults at all.
    public static let none = FaultSpec(rates: [], tokenLifetime: nil)

    public init(rates: [Rate], tokenLifetime: Double? = nil) {
        self.rates = rates
        self.tokenLifetime = tokenLifetime
    }

    /// Parses the command-line form; an empty string means no faults.
    public init(parsing text: String) throws(FaultSpecError) {
        var rates: [Rate] = []
        var lifetime: Double?
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw FaultSpecError("'\(part)' should look like KIND:VALUE, e.g. 500:0.2") }
            let (kind, value) = (pieces[0].lowercased(), pieces[1])
            if kind == "token-expiry" {
                guard let seconds = Self.duration(value), seconds > 0 else {
                    throw FaultSpecError("token-expiry takes a duration such as 30s or 2m, not '\(value)'")
                }
                lifetime = seconds
                continue
            }
            guard let fault = Self.fault(kind) else {
                throw FaultSpecError("unknown fault '\(kind)' (known: 400-599, timeout, reset, slow, drop, drop-reused, token-expiry)")
            }
            guard let probability = Double(value), (0...1).contains(probability) else {
                throw FaultSpecError("the share for \(kind) must be a number from 0 to 1, not '\(value)'")
            }
            guard !rates.contains(where: { $0.fault == fault }) else { throw FaultSpecError("\(kind) is given twice") }
            rates.append(Rate(fault: fault, probability: probability))
        }
        guard rates.reduce(0, { $0 + $1.probability }) <= 1.000_001 else {
            throw FaultSpecError("the shares add up to more than 1")
        }
        self.init(rates: rates, tokenLifetime: lifetime)
    }

    /// The fault for a uniform draw in 0..<1, or nil for a normal answer.
    public func fault(for draw: Double) -> Fault? {
        var edge = 0.0
        for rate in rates {
            edge += rate.probability
            if draw < edge { return rate.fault }
        }
        return nil
    }

    public var description: String {
        var parts = rates.map { "\($0.fault):\($0.probability)" }
        if let tokenLifetime { parts.append("token-expiry:\(tokenLifetime)s") }
        return parts.isEmpty ? "none" : parts.joined(separator: ",")
    }

    private static func fault(_ kind: String) -> Fault? {
        switch kind {
        case "429": return .tooManyRequests
        case "timeout": return .timeout
        case "reset": return .reset
        case "slow": return .slow
        case "drop": return .drop
        case "drop-reused": return .dropReused
        default:
            guard let code = Int(kind), (400...599).contains(code) else { return nil }
            return .status(code)
        }
    }

    /// Seconds for `30s`, `2m`, `250ms` or plain seconds; a leading `-` makes it negative.
    public static func duration(_ text: String) -> Double? {
        if text.hasPrefix("-") { return duration(String(text.dropFirst())).map { -$0 } }
        let lower = text.lowercased()
        if lower.hasSuffix("ms") { return Double(lower.dropLast(2)).map { $0 / 1000 } }
        if lower.hasSuffix("s") { return Double(lower.dropLast()) }
        if lower.hasSuffix("m") { return Double(lower.dropLast()).map { $0 * 60 } }
        return Double(lower)
    }
}
