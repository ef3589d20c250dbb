import KioskCore
import TerminalUI

/// The volunteer's Reports page, large and plain: the views along the top, a table of a page of rows.
extension FrontView {
    /// The figures after each row's label, by their text keys. Accepted carries its rate ("9 (81%)"),
    /// which leaves the label room enough at 80 columns to tell one session from the next.
    private static let figureKeys = ["expected", "claimed", "sent", "accepted"]

    /// The page's blocks, for a screen `height` rows tall: with room (120×33), a line between rows.
    static func reports(_ model: FrontModel, _ page: ReportPage, in area: Area, height: Int) -> [Block] {
        let names = ReportPage.View.allCases.map { view in
            let name = model.text("front.reports." + view.rawValue)
            return view == page.view ? "[ \(name) ]" : name
        }
        // One line, its spaces kept (wrapping would close them up): the three views, the open one in brackets.
        let views = String(names.joined(separator: "     ").prefix(area.width))
        var blocks: [Block] = [Block(height: 1) { buffer, y in buffer.centre(views, y: y, style: .bold, x: area.x, width: area.width) },
                               .gap()]
        guard let report = page.report else { return blocks + [.text(model.text("front.start.loading"), in: area)] }
        guard !report.rows.isEmpty else {
            return blocks + [.text(model.text("front.reports.none." + page.view.rawValue), in: area, style: .bold)]
        }
        blocks.append(table(model, page, report, in: area, spaced: height >= 33))
        if page.pageCount > 1 {
            blocks += [.gap(), .text(model.text("front.reports.page", ["page": String(page.page + 1), "pages": String(page.pageCount)]),
                                     in: area, style: .bold)]
        }
        blocks += [.gap(), .text(model.text("front.reports.acceptedHelp"), in: area)]
        if (report.rows + [report.total]).contains(where: { $0.accepted == nil || $0.acceptanceRate == nil }) {
            blocks.append(.text(model.text("front.reports.notKnownHelp"), in: area))
        }
        return blocks
    }

    /// The keys that work on the page: views always, pages when there are more than one.
    static func reportKeys(_ model: FrontModel, _ page: ReportPage) -> [String] {
        [model.text("front.reports.keysView")] + (page.pageCount > 1 ? [model.text("front.reports.keysPage")] : [])
            + [model.text("front.keys.back")]
    }

    /// Headings, the page's rows, a rule and the total. Columns are as wide as their widest cell on any
    /// page, so they stay put while paging; the label takes what is left and is cut short if it must.
    private static func table(_ model: FrontModel, _ page: ReportPage, _ report: ReportFigures, in area: Area,
                              spaced: Bool) -> Block {
        let notKnown = model.text("front.reports.notKnown")
        let cells = { (line: ReportLine) -> [String] in
            let accepted = line.accepted.map { count in
                String(count) + (line.acceptanceRate.map { " (\(Report.wholePercent($0))%)" } ?? "")
            }
            return [line.label, String(line.expected), String(line.claimed), String(line.sent), accepted ?? notKnown]
        }
        let headings = [model.text("front.reports.heading." + page.view.rawValue)] + figureKeys.map { model.text("front.reports." + $0) }
        var total = cells(report.total)
        total[0] = model.text("front.reports.total")
        let every = [headings, total] + report.rows.map(cells)
        var widths = headings.indices.map { column in every.map { $0[column].count }.max() ?? 0 }
        let figures = widths.dropFirst().reduce(0, +) + 2 * (widths.count - 1)
        widths[0] = max(4, min(widths[0], area.width - figures))
        let width = widths.reduce(0, +) + 2 * (widths.count - 1)
        let x = area.x + max(0, (area.width - width) / 2)
        let line = { (cells: [String]) -> String in
            cells.enumerated().map { column, text in
                let shown = String(text.prefix(widths[column]))
                let pad = String(repeating: " ", count: widths[column] - shown.count)
                return column == 0 ? shown + pad : pad + shown
            }.joined(separator: "  ")
        }
        let rows = page.shownRows.map(cells)
        let step = spaced ? 2 : 1
        // Headings, each row a step apart, the rule a step after the last, then the total.
        return Block(height: step * (rows.count + 1) + 2) { buffer, y in
            buffer.put(line(headings), x: x, y: y, style: .bold)
            for (index, row) in rows.enumerated() {
                buffer.put(line(row), x: x, y: y + step * (index + 1))
            }
            buffer.put(String(repeating: "-", count: width), x: x, y: y + step * (rows.count + 1))
            buffer.put(line(total), x: x, y: y + step * (rows.count + 1) + 1, style: .bold)
        }
    }
}
