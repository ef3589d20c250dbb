@preconcurrency import Glibc
import Foundation
import KioskCore
import KioskService
import KioskStore
import Posix

/// `badgekiosk restore FILE`: puts a backup back as the kiosk's database, with the service stopped.
enum RestoreCommand {
    static let declaration = CommandDeclaration(
        "restore", summary: "Put a backup back as the kiosk's database (with the service stopped).",
        description: """
        Checks the backup in FILE, shows what it holds, asks you to confirm, then puts it in place of the
        database in the state folder. The database it replaces is kept beside it, named
        badgekiosk.sqlite.before-restore-<time>, so nothing is lost.

        Stop the service and the front first:  sudo systemctl stop badgekiosk badgekiosk-front
        and start them again afterwards:        sudo systemctl start badgekiosk badgekiosk-front

        Exits 0 once restored, 1 when it fails, 2 when refused (a wrong word, the service running, no yes).
        """,
        options: LocalStore.options + [.flag("yes", doc: "Restore without asking (for scripts)")],
        positionals: [PositionalDeclaration("FILE", doc: "the backup to put back, made by 'badgekiosk backup'")],
        run: run)

    private static func run(_ parsed: ParsedArguments) throws {
        let file = try parsed.required(positional: "FILE")
        let directory = try SettingsOptions.load(parsed).service.stateDirectory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw RuntimeError("there is no state folder \(directory). Start the service once so it makes it "
                + "(sudo systemctl start badgekiosk), stop it, then restore")
        }
        if serviceHolds(directory) { throw StateRefused(stopFirst(directory)) }
        let backup: StoreBackup.Summary
        do {
            backup = try StoreBackup.inspect(file)
        } catch {
            throw RuntimeError("\(file) cannot be restored: \(error)")
        }
        let replacing = FileManager.default.fileExists(atPath: "\(directory)/\(KioskStore.fileName)")
        Console.out("The backup \(file) holds \(backup).")
        Console.out(replacing ? "It will replace the database in \(directory), which is kept beside it."
                              : "There is no database in \(directory) yet: the backup becomes it.")
        if !parsed.flag("yes") {
            guard isatty(STDIN_FILENO) == 1 else {
                throw parsed.problem("not at a terminal, so nothing can be asked: add --yes to restore without asking")
            }
            Console.out("Type yes to restore it, anything else to stop:")
            let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "yes" || answer == "y" else { throw StateRefused("nothing was restored: you did not type yes") }
        }
        let now = Timestamp.now()
        let restored: StoreBackup.Summary
        do {
            restored = try StoreBackup.restore(from: file, stateDirectory: directory, at: now)
        } catch {
            // The service may have started since the first look.
            if serviceHolds(directory) { throw StateRefused(stopFirst(directory)) }
            throw RuntimeError("the restore failed: \(error)")
        }
        Console.out("Restored \(restored) into \(directory).")
        if replacing {
            Console.out("The database it replaced is kept as \(StoreBackup.replacedDatabasePath(in: directory, at: now)).")
        }
        Console.out("Start the service again: sudo systemctl start badgekiosk badgekiosk-front")
    }

    private static func stopFirst(_ directory: String) -> String {
        "the service is running on \(directory), so nothing was restored; stop it first: "
            + "sudo systemctl stop badgekiosk badgekiosk-front"
    }

    /// True while a service holds the state folder's lock. A folder with no lock file has never had
    /// a service, and none is made here: root's lock file would keep the service's user out.
    private static func serviceHolds(_ directory: String) -> Bool {
        guard FileManager.default.fileExists(atPath: "\(directory)/\(KioskStore.lockFileName)") else { return false }
        do {
            return try FolderLock.take(KioskStore.lockFileName, in: directory) == nil
        } catch {
            return false
        }
    }
}
