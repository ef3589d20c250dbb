import Foundation

/// A soak's figures, the checks they must pass, and both as the lines `bench soak` prints.
struct SoakReport {
    /// What the service did while its disk was full for a moment.
    struct DiskMoment: Equatable {
        var megabytes: Int
        var fullSeconds: Double
        /// The service noticed: `/healthz` said 503 or a claim was refused while the disk was full.
        var felt: Bool
        /// Claims refused with 503 while the disk was full.
        var refused: Int
        /// Healthy and acknowledging claims again after the disk was freed, still the same process.
        var recovered: Bool
        var recoverySeconds: Double
    }

    var minutes: Int
    var seed: UInt64
    var connections: Int
    var perSecond: Int
    var faults: String
    var load = SoakLoad.Tally()
    var kills = 0
    /// Kills that left awards marked as being sent, and how many such awards they left in all.
    var killsMidSend = 0
    var awardsMidSend = 0
    /// Times the service was found stopped though nobody had killed it.
    var unexpectedExits = 0
    /// Nil when the run had no full-disk moment; `diskSkipped` then says why.
    var disk: DiskMoment?
    var diskSkipped: String?
    var trend = ResourceTrend(samples: [], seconds: 1)
    /// Seconds the outbox took to empty after the load stopped; nil when it did not.
    var drainSeconds: Double?
    var audit = SoakAudit()

    /// Each check in plain words, with whether it held.
    var checks: [(name: String, passed: Bool)] {
        var checks = [
            ("every acknowledged claim is in the database (\(audit.acknowledged - audit.missingClaims) of \(audit.acknowledged))",
             audit.acknowledged > 0 && audit.claimsKept),
            ("the outbox emptied after the load stopped", drainSeconds != nil),
            ("every award was sent (\(audit.awards - audit.unsent) of \(audit.awards))", audit.awards > 0 && audit.allSent),
            ("the issuer holds each award exactly once (\(audit.duplicates) duplicates, \(audit.notAtIssuer) missing, "
                + "\(audit.unknownAtIssuer) unknown)", audit.exactlyOnce),
            ("the service stopped only when killed (\(unexpectedExits) other stops)", unexpectedExits == 0),
            ("the service answered claims only with 201, 200 or 503", load.other.isEmpty),
            ("memory flat over the second half (\(percent(trend.memoryChange)))", trend.memoryFlat),
            ("open descriptors flat over the second half (\(signed(trend.descriptorChange)))", trend.descriptorsFlat),
        ]
        if let disk {
            checks.append(("the full disk was felt and the service recovered without a restart", disk.felt && disk.recovered))
        }
        return checks
    }

    var passed: Bool { checks.allSatisfy(\.passed) }

    var text: String {
        var lines = [
            "soak: \(minutes) min, seed \(seed), \(connections) connections, \(perSecond) claims/s, issuer faults \(faults)",
            "claims: \(load.acknowledged.count) acknowledged (\(load.repeats) of them answered 200 when sent again "
                + "after a lost answer), \(load.refused) refused with 503, \(load.resent) sent again after no answer, "
                + "other answers: \(load.other.isEmpty ? "none" : load.other.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: ", "))",
            "kills: \(kills) (kill -9, then a restart on the same state folder); \(killsMidSend) of them caught "
                + "\(awardsMidSend) awards being sent",
        ]
        if let disk {
            lines.append("full disk: \(format(disk.fullSeconds)) s full on a \(disk.megabytes) MB tmpfs, "
                + (disk.felt ? "felt" : "NOT felt") + " (\(disk.refused) claims refused meanwhile), "
                + (disk.recovered ? "recovered \(format(disk.recoverySeconds)) s after it was freed, same process"
                                  : "NOT recovered without a restart"))
        } else {
            lines.append("full disk: skipped (\(diskSkipped ?? "no reason given"))")
        }
        lines.append("RSS, samples taken \(Int(ResourceTrend.settledAfter)) s or more after a start: "
            + "first half \(memory(trend.first)), second half \(memory(trend.second)): \(percent(trend.memoryChange))")
        lines.append("open descriptors, same samples: first half \(descriptors(trend.first)), "
            + "second half \(descriptors(trend.second)): \(signed(trend.descriptorChange))")
        lines.append("outbox: " + (drainSeconds.map { "empty \(format($0)) s after the load stopped" } ?? "NOT empty")
            + "; \(audit.awards) awards stored, \(audit.awards - audit.unsent) sent; "
            + "the issuer received \(audit.issuerAwards), \(audit.duplicates) duplicates")
        lines.append("checks:")
        lines += checks.map { "  \($0.passed ? "ok    " : "FAILED") \($0.name)" }
        lines.append("result: \(passed ? "PASS" : "FAIL")")
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private func memory(_ half: ResourceTrend.Half?) -> String {
        guard let half else { return "no samples" }
        return "median \(megabytes(half.medianKilobytes)), max \(megabytes(half.maxKilobytes)) (\(half.count) samples)"
    }

    private func descriptors(_ half: ResourceTrend.Half?) -> String {
        guard let half else { return "no samples" }
        return "median \(half.medianDescriptors), max \(half.maxDescriptors)"
    }

    private func megabytes(_ kilobytes: Int) -> String {
        String(format: "%.1f MB", Double(kilobytes) / 1024)
    }

    private func percent(_ change: Double?) -> String {
        change.map { String(format: "%+.1f%%", $0 * 100) } ?? "not enough samples"
    }

    private func signed(_ change: Int?) -> String {
        change.map { $0 >= 0 ? "+\($0)" : "\($0)" } ?? "not enough samples"
    }
}
