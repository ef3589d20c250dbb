import KioskService
import KioskStore

/// `badgekiosk backup FILE`: a checked copy of the kiosk's database, taken while claims go on.
enum BackupCommand {
    static let declaration = CommandDeclaration(
        "backup", summary: "Copy the kiosk's database to a file; works while the service runs.",
        description: """
        Writes one consistent copy of the database in the state folder to FILE, checks the copy, and only
        then puts it in place, so a backup that fails leaves FILE as it was. The service can keep taking
        claims meanwhile. It prints what it copied.

        The copy holds learners' names and emails, so only its owner can read it: keep it somewhere private.
        Put it back with 'badgekiosk restore FILE'.
        """,
        options: LocalStore.options,
        positionals: [PositionalDeclaration("FILE", doc: "the file to write the copy to")],
        run: run)

    private static func run(_ parsed: ParsedArguments) throws {
        let file = try parsed.required(positional: "FILE")
        let directory = try SettingsOptions.load(parsed).service.stateDirectory
        let summary: StoreBackup.Summary
        do {
            summary = try StoreBackup.backup(stateDirectory: directory, to: file)
        } catch {
            throw RuntimeError("the backup failed: \(error)")
        }
        Console.out("Backed up the database in \(directory) to \(file): \(summary).")
        Console.out("Only its owner can read it, as it holds names and emails. Put it back with: badgekiosk restore \(file)")
    }
}
