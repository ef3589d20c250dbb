import Foundation

/// How a report groups its sessions.
public enum ReportGrouping: String, Sendable, CaseIterable {
    case session, programme, month
}

/// Reports for funders, from sessions' figures: by session, by programme (every session that awards
/// one of its badges) or by month (the month a session ran, in the kiosk's own time zone).
public enum Report {
    public static func rows(_ sessions: [SessionFigures], by grouping: ReportGrouping, programmes: [Programme] = [],
                            calendar: Calendar = .current) -> [ReportRow] {
        switch grouping {
        case .session:
            return sessions.map(row)
        case .programme:
            return programmes.map { programme in
                let badges = Set(programme.badgeIDs + [programme.completionBadgeID])
                return total(sessions.filter { !badges.isDisjoint(with: $0.badgeIDs) }.map(row),
                             key: String(programme.id), label: programme.name)
            }
        case .month:
            var months: [String: [SessionFigures]] = [:]
            var order: [String] = []
            for session in sessions {
                let key = monthKey(session.createdAt, calendar)
                if months[key] == nil { order.append(key) }
                months[key, default: []].append(session)
            }
            return order.sorted().map { total((months[$0] ?? []).map(row), key: $0, label: monthLabel($0)) }
        }
    }

    /// The rows summed: a programme's or a month's sessions, or the whole report's last line.
    public static func total(_ rows: [ReportRow], key: String = "total", label: String = "Total") -> ReportRow {
        ReportRow(key: key, label: label, expected: rows.reduce(0) { $0 + $1.expected },
                  tally: rows.reduce(ClaimTally()) { $0 + $1.tally })
    }

    /// `98` for 0.98: a whole percentage rounded down, so 100 means every one.
    public static func wholePercent(_ rate: Double) -> Int {
        // The nudge keeps 0.29 (stored as 0.28999…) at 29.
        Int((rate * 100 + 1e-9).rounded(.down))
    }

    private static func row(_ session: SessionFigures) -> ReportRow {
        ReportRow(key: String(session.sessionID), label: session.title, expected: session.expected, tally: session.tally)
    }

    /// `2026-12` for a time in December 2026 where the kiosk is.
    static func monthKey(_ time: Timestamp, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: Double(time.milliseconds) / 1000))
        let month = parts.month ?? 1
        return "\(parts.year ?? 1970)-\(month < 10 ? "0" : "")\(month)"
    }

    /// "December 2026" for `2026-12`.
    static func monthLabel(_ key: String) -> String {
        let parts = key.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return key }
        var english = Calendar(identifier: .gregorian)
        english.locale = Locale(identifier: "en_GB")
        return "\(english.standaloneMonthSymbols[parts[1] - 1]) \(parts[0])"
    }
}
