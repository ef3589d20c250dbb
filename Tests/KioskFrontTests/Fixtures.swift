import KioskCore
import Localization
import QRCode
import TerminalUI
@testable import KioskFront

/// Models and key presses for the update and view tests.
enum Fixtures {
    static let settings = FrontModel.Settings(issuerName: "Open Badge Factory", demoHint: nil, allowQuit: false,
                                              pin: "1234", qrStyle: .halfBlock, language: .english)

    /// A venue Wi-Fi with a password that needs escaping in its QR code.
    static let wifi = VenueWiFi(name: "Cross Keys Guest", password: "tea;and:toast")

    static let code = CodeInfo(token: "Zt4kQ0mB9xY2vR7pL1sN3w", short: "K7M-2QX",
                               url: "http://192.168.1.20:8080/c/Zt4kQ0mB9xY2vR7pL1sN3w", maxClaims: 15, claimed: 7)

    static let recent = RecentSession(id: 3, title: "Intro to Work - Day 2: Job search", code: code, claimed: 7,
                                      expected: 12, visibleUntil: 4600)

    static let sessions = [
        SessionInfo(id: 3, title: "Intro to Work - Day 2: Job search", expected: 12, claimed: 7, endedSecondsAgo: 600, code: code,
                    badgeIDs: ["d2"]),
        SessionInfo(id: 4, title: "Intro to Work - Day 3: Interviews", expected: 10, claimed: 0, endedSecondsAgo: nil, code: nil,
                    badgeIDs: ["d3"]),
    ]

    /// The service's answer to a claim on session 3 that finished no programme.
    static let receipt = ClaimReceipt(id: "c1", sessionID: 3, badgeIDs: ["d2"])

    /// The same claim when it also finished "Intro to Work", whose completion badge is `all`.
    static let completingReceipt = ClaimReceipt(id: "c1", sessionID: 3, badgeIDs: ["d2", "all"])

    /// The catalogue, as `GET /api/v1/badges` lists it.
    static let catalogue = [
        BadgeInfo(id: "d2", name: "Intro to Work - Day 2: Job search"),
        BadgeInfo(id: "all", name: "Intro to Work - All four days"),
    ]

    /// This month's sessions as the Reports page shows them: ten, so two pages; the last two not told about yet.
    static let report: ReportFigures = {
        let titles = ["Intro to Work - Day 1: Getting ready", "Intro to Work - Day 2: Job search", "Intro to Work - Day 3: Interviews",
                      "Intro to Work - Day 4: Starting work", "CV clinic", "Digital skills: email", "Digital skills: online forms",
                      "Money basics", "Intro to Work - Day 1 (evening)", "Intro to Work - Day 2 (evening)"]
        let rows = titles.enumerated().map { index, title in
            let told = index < 8
            return ReportLine(label: title, expected: 12, claimed: 12 - index % 3, sent: 11 - index % 3,
                              accepted: told ? 9 - index % 4 : nil,
                              acceptanceRate: told ? Double(9 - index % 4) / Double(11 - index % 3) : nil)
        }
        return ReportFigures(rows: rows, total: ReportLine(label: "Total", expected: 120, claimed: 111, sent: 101, accepted: 59,
                                                           acceptanceRate: 59.0 / 83.0))
    }()

    /// Three "Well done" lines, newest first, one with a title too long for any screen's line.
    static let celebrations = [
        CelebrationInfo(name: "Amira", sessionTitle: "Intro to Work - Day 4: Your first week in a new job", secondsLeft: 590),
        CelebrationInfo(name: "Bogdan", sessionTitle: "Intro to Work - Day 4", secondsLeft: 300),
        CelebrationInfo(name: "Oleksandra", sessionTitle: "Intro to Work - Day 3: Interviews", secondsLeft: 60),
    ]

    /// `model` once the sessions came back with `celebrations`; with `recent`, session 3's code is offered.
    static func celebrating(_ model: FrontModel, recent: Bool) -> FrontModel {
        let sessions = recent ? sessions : sessions.filter(\.isOpen)
        return apply(model, [.reply(.sessions(.success(SessionsSnapshot(sessions: sessions, todayClaims: 7,
                                                                        celebrations: celebrations))))], at: model.now).0
    }

    /// The first screen, service up, at time 1000.
    static func model(settings: FrontModel.Settings = settings, recent: RecentSession? = nil) -> FrontModel {
        var model = FrontModel(settings: settings, now: 1000)
        model.service = .up
        model.recent = recent
        model.todayClaims = 7
        model.sessions = sessions
        return model
    }

    /// Applies events one after another (one second apart unless `at` says otherwise); all effects collected.
    static func apply(_ model: FrontModel, _ events: [FrontEvent], at time: Double? = nil) -> (FrontModel, [FrontEffect]) {
        var model = model
        var effects: [FrontEffect] = []
        for event in events {
            let (next, more) = Front.update(model, event, now: time ?? model.now + 1)
            model = next
            effects += more
        }
        return (model, effects)
    }

    static func press(_ model: FrontModel, _ keys: Key...) -> (FrontModel, [FrontEffect]) {
        apply(model, keys.map(FrontEvent.key))
    }

    static func type(_ model: FrontModel, _ text: String) -> FrontModel {
        apply(model, text.map { .key(.character($0)) }).0
    }

    static func flow(_ model: FrontModel) -> LearnerFlow? {
        if case .learner(let flow) = model.screen { return flow }
        return nil
    }

    static func volunteer(_ model: FrontModel) -> VolunteerState? {
        if case .volunteer(let state) = model.screen { return state }
        return nil
    }

    /// Yes to "Were you at this session?", and the service's answer that its code can be used.
    static func confirmed(_ model: FrontModel) -> FrontModel {
        apply(press(model, .enter).0, [.reply(.codeChecked(code.token, .success(true)))]).0
    }

    /// A learner at the name step, having confirmed the session that just ended here.
    static func atName() -> FrontModel {
        confirmed(press(model(recent: recent), .enter).0)
    }

    /// Enter on the code screen, and the service's answer that no code is `K7M2QX`.
    static func wrongCode(_ model: FrontModel) -> FrontModel {
        let unknown = ServiceFailure(status: 404, code: "unknown_code", message: "That code did not work.")
        return apply(press(model, .enter).0, [.reply(.codeChecked("K7M2QX", .failure(unknown)))]).0
    }

    /// A learner at the email confirmation, having typed `email`.
    static func atConfirmEmail(_ email: String) -> FrontModel {
        var model = atName()
        model = press(type(model, "Amira"), .enter).0
        return press(type(model, email), .enter).0
    }

    /// A kiosk that issues through Navigatr, which cannot be asked whether an award arrived.
    static let navigatr = FrontModel.Settings(issuerName: "Navigatr", demoHint: nil, allowQuit: false,
                                              pin: "1234", qrStyle: .halfBlock, language: .english)

    /// The outbox with two awards a volunteer must check at Navigatr.
    static let unsureOutbox = OutboxInfo(queued: 0, sending: 0, sent: 41, failed: 0, lastError: "the issuer did not answer in time",
                                         unsureCount: 2, unsure: [
                                             UnsureInfo(id: 12, badgeName: "Intro to Work - Day 1", email: "amira@example.org"),
                                             UnsureInfo(id: 15, badgeName: "Intro to Work - Day 2", email: "sam.okafor@example.com"),
                                         ])

    /// Volunteer mode, unlocked.
    static func unlocked(allowQuit: Bool = false, settings base: FrontModel.Settings = settings) -> FrontModel {
        var settings = base
        settings.allowQuit = allowQuit
        let model = press(type(press(self.model(settings: settings), .function(2)).0, "1234"), .enter).0
        return model
    }

    /// The frame as text; reverse-video spaces (block letters, bars) shown as `#`.
    /// The frame as a golden file holds it: the picture, then how each cell is drawn. Every style the
    /// frame uses gets a letter (`.` is plain), named once in a legend, and a map the size of the
    /// picture shows which cell has which, so a lost highlight or colour fails like a lost word.
    static func golden(_ buffer: CellBuffer) -> String {
        var letters: [Style: Character] = [.plain: "."]
        var legend: [String] = []
        let map = (0..<buffer.height).map { y in
            var line = String((0..<buffer.width).map { x -> Character in
                let style = buffer[x, y].style
                if let letter = letters[style] { return letter }
                let letter = Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(legend.count)))
                letters[style] = letter
                legend.append("\(letter) = \(describe(style))")
                return letter
            })
            while line.last == "." { line.removeLast() }
            return line
        }
        return picture(buffer) + "\n\nstyles:\n" + legend.joined(separator: "\n") + "\n\n" + map.joined(separator: "\n")
    }

    private static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if style.bold { parts.append("bold") }
        if style.underline { parts.append("underline") }
        if style.reverse { parts.append("reverse") }
        if let foreground = style.foreground { parts.append("\(foreground) text") }
        if let background = style.background { parts.append("on \(background)") }
        return parts.joined(separator: ", ")
    }

    static func picture(_ buffer: CellBuffer) -> String {
        (0..<buffer.height).map { y in
            var line = String((0..<buffer.width).map { x -> Character in
                let cell = buffer[x, y]
                return cell.character == " " && cell.style.reverse ? "#" : cell.character
            })
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
