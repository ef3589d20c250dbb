import TerminalUI

/// The volunteer's Reports page: views switched with Left / Right, pages with Up / Down.
extension Front {
    /// Keys on the Reports page. Enter or Esc goes back to the menu.
    static func reportKey(_ state: inout VolunteerState, _ page: ReportPage, _ key: Key) -> [FrontEffect] {
        var page = page
        switch key {
        case .escape, .enter:
            return back(&state, to: .menu)
        case .right, .tab, .left, .backTab:
            let views = ReportPage.View.allCases
            let index = views.firstIndex(of: page.view) ?? 0
            let step = key == .right || key == .tab ? 1 : views.count - 1
            let view = views[(index + step) % views.count]
            state.page = .reports(ReportPage(view: view))
            state.message = nil
            return [.loadReport(view)]
        case .down, .pageDown:
            page.page = min(page.page + 1, page.pageCount - 1)
        case .up, .pageUp:
            page.page = max(0, page.page - 1)
        default:
            return []
        }
        state.page = .reports(page)
        return []
    }

    /// A report arrived: shown if its view is still the one open, from its first page.
    static func reportLoaded(_ model: inout FrontModel, _ view: ReportPage.View, _ result: Result<ReportFigures, ServiceFailure>) {
        volunteer(&model) { state in
            guard case .reports(let page) = state.page, page.view == view else { return }
            switch result {
            case .success(let figures): state.page = .reports(ReportPage(view: view, report: figures))
            case .failure(let failure): state.message = Message(failure)
            }
        }
    }
}
