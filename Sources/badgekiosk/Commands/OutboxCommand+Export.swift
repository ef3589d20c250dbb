import Foundation
import Issuers
import KioskStore
import Posix

/// `badgekiosk outbox export`: awards the issuer refused, as Open Badge Factory bulk-issuing files.
extension OutboxCommand {
    static let exportAction = CommandDeclaration(
        "export", summary: "Write the awards the issuer refused as CSV files for Open Badge Factory's bulk issuing.",
        description: """
        Writes one CSV file per badge (obf-failed-<badge id>.csv) holding every award the issuer
        refused, with the learner's email, first name and the day they claimed, so an admin can
        issue them by hand once the cause is fixed: in Open Badge Factory open Issuer tools, Issue a
        badge, pick the badge, choose "Bulk issuing" and upload its file. Compare the columns with
        the template OBF offers there before the first upload.

        The files hold learners' emails: they are readable by you alone; delete them once uploaded.
        After uploading, mark each award as sent so reports count it and nothing sends it again:
          badgekiosk outbox arrived AWARD
        (the command prints each file's award numbers).
        """,
        options: [
            OptionDeclaration("out", valueName: "DIR", doc: "The folder to write the files to", defaultValue: .value(".")),
        ],
        run: export)

    private static func export(_ parsed: ParsedArguments) throws {
        let configuration = try SettingsOptions.load(parsed).service
        let folder = parsed.string("out") ?? "."
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw parsed.problem("--out must be an existing folder, not '\(folder)'")
        }
        let store = try LocalStore.openExisting(configuration)
        defer { store.close() }
        let csv = OBFBulkCSV(try store.failedAwards())
        for line in try write(csv, to: folder) { Console.out(line) }
    }

    /// Writes `csv`'s files into `folder`; returns what to tell the admin.
    static func write(_ csv: OBFBulkCSV, to folder: String) throws -> [String] {
        var lines: [String] = []
        for file in csv.files {
            let path = (folder as NSString).appendingPathComponent(file.fileName)
            do {
                try FileDescriptor.replaceFile(path, with: Array(file.text.utf8), mode: 0o600)
            } catch {
                throw RuntimeError("could not write \(path): \(error)")
            }
            let count = file.awardIDs.count
            lines.append("\(path): \(count) award\(count == 1 ? "" : "s") of \"\(file.badgeName)\" (\(file.badgeID)); "
                + "once uploaded, mark \(count == 1 ? "it" : "each") sent: "
                + file.awardIDs.map { "badgekiosk outbox arrived \($0)" }.joined(separator: "; ") + ".")
        }
        if csv.files.isEmpty { lines.append("No award is parked as refused: nothing to export.") }
        if csv.skipped > 0 {
            lines.append("\(csv.skipped) refused award\(csv.skipped == 1 ? " has" : "s have") no email left (erased by the "
                + "retention purge) and cannot be exported.")
        }
        return lines
    }
}
