import Foundation
import KioskCore
import KioskStore

/// Awards the issuer refused, as files for Open Badge Factory's bulk issuing, so an admin can
/// finish them by hand once the cause is fixed.
///
/// OBF takes a CSV upload for one badge at a time (Issuer tools, Issue a badge, the badge, "Bulk
/// issuing"), so there is one file per badge. The columns follow OBF's downloadable template:
/// the recipient's email, first and last name, the issue date (the day the learner claimed, so
/// the badge shows when it was earned) and the optional `Criteria_add`. Compare the header with
/// the template OBF offers before the first upload: OBF names the columns, we only copy them.
public struct OBFBulkCSV: Sendable, Equatable {
    /// One badge's file.
    public struct File: Sendable, Equatable {
        public var badgeID: String
        public var badgeName: String
        /// A name safe in any folder: `obf-failed-<badge id>.csv`.
        public var fileName: String
        /// CRLF-separated lines, as RFC 4180 asks.
        public var text: String
        /// The awards in the file, by number, for marking them sent once uploaded.
        public var awardIDs: [Int64]
    }

    public static let header = ["Email", "First_name", "Last_name", "Issued_on", "Criteria_add"]

    public var files: [File]
    /// Refused awards left out because the learner's email is gone.
    public var skipped: Int

    /// The files for `awards`, badges in the order they first appear; `calendar` gives the issue date's day.
    public init(_ awards: [ParkedAward], calendar: Calendar = .current) {
        var order: [String] = []
        var byBadge: [String: [ParkedAward]] = [:]
        var skipped = 0
        for award in awards {
            guard award.email?.isEmpty == false else {
                skipped += 1
                continue
            }
            if byBadge[award.badgeID] == nil { order.append(award.badgeID) }
            byBadge[award.badgeID, default: []].append(award)
        }
        files = order.map { badge in
            let awards = byBadge[badge] ?? []
            let lines = [Self.header] + awards.map { award in
                [(award.email ?? "").lowercased(), award.name ?? "", "", Self.day(award.claimedAt, calendar), ""]
            }
            return File(badgeID: badge, badgeName: awards.first?.badgeName ?? badge, fileName: Self.fileName(badge),
                        text: lines.map(Self.line).joined(), awardIDs: awards.map(\.id))
        }
        self.skipped = skipped
    }

    /// One CSV line; the email (first) column is read back by OBF exactly, so it is never prefixed.
    static func line(_ fields: [String]) -> String {
        CSVField.record(fields.enumerated().map { index, field in CSVField.encode(field, asText: index > 0) })
    }

    /// `2026-12-07` for a time on that day where the kiosk is.
    static func day(_ time: Timestamp, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day],
                                            from: Date(timeIntervalSince1970: Double(time.milliseconds) / 1000))
        let two = { (value: Int?) in String(format: "%02d", value ?? 1) }
        return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))"
    }

    /// Keeps letters, digits, `-` and `_` of the badge id, so no id can name another folder.
    static func fileName(_ badgeID: String) -> String {
        let safe = String(badgeID.unicodeScalars.filter { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
        }.map(Character.init))
        return "obf-failed-\(safe.isEmpty ? "badge" : safe).csv"
    }
}
