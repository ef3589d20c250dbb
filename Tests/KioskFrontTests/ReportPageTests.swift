import Testing
import TerminalUI
@testable import KioskFront

/// The volunteer's Reports page: opening it, switching views, paging, Esc back; pure updates.
@Suite("Front: the Reports page")
struct ReportPageTests {
    /// The menu's Reports entry (9 without Quit), with this month's report arrived.
    static func opened() -> FrontModel {
        Fixtures.apply(Fixtures.press(Fixtures.unlocked(), .character("9")).0,
                       [.reply(.report(.sessionsThisMonth, .success(Fixtures.report)))]).0
    }

    static func page(_ model: FrontModel) -> ReportPage? {
        if case .reports(let page)? = Fixtures.volunteer(model)?.page { return page }
        return nil
    }

    @Test func theMenuOpensThisMonthsSessionsAndAsksForThem() {
        let (model, effects) = Fixtures.press(Fixtures.unlocked(), .character("9"))
        #expect(effects == [.loadReport(.sessionsThisMonth)])
        #expect(Self.page(model) == ReportPage())
        // In the demo Quit keeps 9, and Reports comes after it.
        let demo = Fixtures.unlocked(allowQuit: true)
        #expect(VolunteerState.actions(allowQuit: true).last == .reports && VolunteerState.actions(allowQuit: false).last == .reports)
        let (_, last) = Fixtures.press(demo, .backTab, .enter)
        #expect(last == [.loadReport(.sessionsThisMonth)], "Shift+Tab from the first entry goes round to the last, Reports")
        #expect(Self.page(Self.opened())?.report == Fixtures.report)
    }

    @Test func upAndDownPageThroughTheRowsAndStopAtTheEnds() {
        var model = Self.opened()
        #expect(Self.page(model)?.pageCount == 2)
        #expect(Self.page(model)?.shownRows.count == ReportPage.rowsPerPage)
        for (key, expected) in [(Key.up, 0), (.down, 1), (.down, 1), (.pageDown, 1), (.up, 0), (.down, 1), (.pageUp, 0)] {
            let (next, effects) = Fixtures.press(model, key)
            model = next
            #expect(effects.isEmpty)
            #expect(Self.page(model)?.page == expected, "\(key)")
        }
        model = Fixtures.press(model, .down).0
        #expect(Self.page(model)?.shownRows.map(\.label) == Fixtures.report.rows.suffix(2).map(\.label))
    }

    @Test func leftAndRightSwitchTheViewAndOnlyItsOwnReportIsShown() {
        let model = Self.opened()
        let (programmes, effects) = Fixtures.press(Fixtures.press(model, .down).0, .right)
        #expect(effects == [.loadReport(.programmes)])
        #expect(Self.page(programmes) == ReportPage(view: .programmes), "a new view starts loading, on its first page")
        // A late answer for the view left is for nobody now.
        let late = Fixtures.apply(programmes, [.reply(.report(.sessionsThisMonth, .success(Fixtures.report)))]).0
        #expect(Self.page(late)?.report == nil)
        let answered = Fixtures.apply(programmes, [.reply(.report(.programmes, .success(Fixtures.report)))]).0
        #expect(Self.page(answered)?.report == Fixtures.report && Self.page(answered)?.view == .programmes)
        #expect(Fixtures.press(programmes, .right).1 == [.loadReport(.months)])
        #expect(Fixtures.press(model, .left).1 == [.loadReport(.months)], "Left from the first view wraps to the last")
        #expect(Fixtures.press(model, .tab).1 == [.loadReport(.programmes)])
        #expect(Fixtures.press(model, .backTab).1 == [.loadReport(.months)])
    }

    @Test func aRefusalIsSaidAndEscOrEnterGoesBackToTheMenu() {
        let asked = Fixtures.press(Fixtures.unlocked(), .character("9")).0
        let refused = Fixtures.apply(asked, [.reply(.report(.sessionsThisMonth,
                                                            .failure(ServiceFailure(status: 503, code: "storage_unavailable", message: ""))))]).0
        #expect(Fixtures.volunteer(refused)?.message == Message("front.error.storage_unavailable"))
        for key in [Key.escape, .enter] {
            let back = Fixtures.press(Self.opened(), key)
            #expect(Fixtures.volunteer(back.0)?.page == .menu && back.1.isEmpty)
        }
        // An answer after the volunteer left changes nothing.
        let left = Fixtures.press(asked, .escape).0
        #expect(Fixtures.apply(left, [.reply(.report(.sessionsThisMonth, .success(Fixtures.report)))]).0.screen == left.screen)
    }

    @Test func theFrameSaysNotKnownWhereTheIssuerHasNotToldAndMarksTheView() {
        let frame = FrontView.render(Fixtures.press(Self.opened(), .down).0, size: TerminalSize(columns: 80, rows: 25))
        let lines = (0..<25).map(frame.line)
        #expect(lines.contains { $0.contains("[ Sessions this month ]") && $0.contains("Programmes") && $0.contains("Months") })
        #expect(lines.contains { $0.contains("Intro to Work - Day 2 (e") && $0.contains("not known") })
        #expect(lines.contains { $0.contains("Total") && $0.contains("120") && $0.contains("71%") })
        #expect(lines.contains { $0.contains("Page 2 of 2") })
    }
}
