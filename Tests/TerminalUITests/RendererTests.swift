import Testing
@testable import TerminalUI

@Suite("Cell buffer and diff renderer")
struct RendererTests {
    static let size = TerminalSize(columns: 20, rows: 5)

    @Test func firstFrameClearsThenDrawsEverything() {
        var renderer = DiffRenderer()
        var frame = CellBuffer(size: Self.size)
        frame.put("Hello", x: 2, y: 1)
        let bytes = String(decoding: renderer.render(frame), as: UTF8.self)
        #expect(bytes.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J"))
        #expect(bytes.contains("\u{1B}[2;3HHello"))
    }

    @Test func oneChangedCharacterWritesOnlyThatCell() {
        var renderer = DiffRenderer()
        var frame = CellBuffer(size: Self.size)
        frame.put("Amira", x: 0, y: 2)
        _ = renderer.render(frame)
        frame.put("e", x: 4, y: 2)
        let bytes = String(decoding: renderer.render(frame), as: UTF8.self)
        #expect(bytes == "\u{1B}[3;5He")
    }

    @Test func anUnchangedFrameWritesNothing() {
        var renderer = DiffRenderer()
        var frame = CellBuffer(size: Self.size)
        frame.put("same", x: 0, y: 0, style: .reverse)
        _ = renderer.render(frame)
        #expect(renderer.render(frame).isEmpty)
    }

    @Test func styleChangesAreSentOnceForARun() {
        var renderer = DiffRenderer()
        _ = renderer.render(CellBuffer(size: Self.size))
        var frame = CellBuffer(size: Self.size)
        frame.put("OK", x: 0, y: 0, style: Style(foreground: .white, background: .red, bold: true))
        let bytes = String(decoding: renderer.render(frame), as: UTF8.self)
        #expect(bytes == "\u{1B}[1;1H\u{1B}[0;1;37;41mOK")
    }

    @Test func aResizeRedrawsInFull() {
        var renderer = DiffRenderer()
        _ = renderer.render(CellBuffer(size: Self.size))
        let bytes = String(decoding: renderer.render(CellBuffer(size: TerminalSize(columns: 30, rows: 5))), as: UTF8.self)
        #expect(bytes.contains("\u{1B}[2J"))
    }

    @Test func replicaFedTheDiffsShowsEachFrame() {
        var renderer = DiffRenderer()
        var replica = ScreenReplica(size: Self.size)
        var frame = CellBuffer(size: Self.size)
        let frames: [(String, Int, Int, Style)] = [("Олена", 1, 1, .bold), ("Zoë!", 15, 4, .reverse), ("محمد", 0, 0, .plain),
                                                    ("  ", 1, 1, .plain)]
        for (text, x, y, style) in frames {
            frame.put(text, x: x, y: y, style: style)
            replica.apply(renderer.render(frame))
            #expect(replica.screen == frame)
        }
    }

    @Test func drawingClipsAtTheEdges() {
        var buffer = CellBuffer(size: Self.size)
        buffer.put("overflowing text", x: 10, y: 4)
        buffer.put("gone", x: 0, y: 9)
        buffer.fill(x: -3, y: -3, width: 5, height: 5, with: Cell("#"))
        #expect(buffer.line(4) == "          overflowin")
        #expect(buffer[1, 1].character == "#" && buffer[2, 2].character == " ")
    }

    @Test func boxesAndCentring() {
        var buffer = CellBuffer(size: Self.size)
        buffer.box(x: 0, y: 0, width: 6, height: 3)
        buffer.centre("hi", y: 1, x: 0, width: 6)
        #expect(buffer.plainText.split(separator: "\n").prefix(3) == ["┌────┐", "│ hi │", "└────┘"])
    }

    @Test func wrapsAtSpacesAndSplitsOverlongWords() {
        #expect(TextLayout.wrap("We will send your badge there.", width: 12) == ["We will send", "your badge", "there."])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("one\ntwo", width: 10) == ["one", "two"])
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var buffer = CellBuffer(size: Self.size)
        buffer.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(buffer.line(0).hasPrefix("a [2Jb"))
    }
}
