@preconcurrency import Glibc
import Foundation
import KioskCore
import KioskService
import KioskStore
import Posix

/// The facts about the state folder, its database, its disk and the outbox.
extension DoctorCommand {
    /// Files in the state folder the service must be able to write.
    static let serviceFiles = [KioskStore.fileName, KioskStore.fileName + "-wal", KioskStore.fileName + "-shm",
                               KioskStore.lockFileName, StaffToken.fileName]

    /// The state folder, database, disk space and outbox checks.
    static func storageChecks(_ configuration: ServiceConfiguration) -> [DoctorCheck] {
        let directory = configuration.stateDirectory
        let folder = stateFolderFacts(directory)
        var checks = [Doctor.stateFolder(folder)]
        guard folder.exists, folder.isFolder, folder.canLookInside else {
            let reason = folder.exists ? "the state folder cannot be read" : "there is no state folder"
            checks.append(Doctor.database(.notChecked(reason)))
            checks.append(diskCheck(folder.exists ? directory : (directory as NSString).deletingLastPathComponent))
            checks.append(.skipped("outbox", because: reason))
            return checks
        }
        let database = "\(directory)/\(KioskStore.fileName)"
        let used = (try? StaffToken.isPresent(in: directory)) ?? true
        guard FileManager.default.fileExists(atPath: database) || used else {
            return checks + [Doctor.database(.notMade), diskCheck(directory), .skipped("outbox", because: "there is no database yet")]
        }
        let store: KioskStore
        do {
            store = try LocalStore.open(configuration)
        } catch let error as StateRefused {
            return checks + [Doctor.database(.refused(error.description)), diskCheck(directory),
                             .skipped("outbox", because: "the database cannot be used")]
        } catch {
            return checks + [Doctor.database(.failed("\(error)")), diskCheck(directory),
                             .skipped("outbox", because: "the database cannot be used")]
        }
        defer { store.close() }
        do {
            let activity = try store.activity(since: .now())
            checks.append(Doctor.database(.passed(sessions: activity.sessions, claims: activity.claims)))
            checks.append(diskCheck(directory))
            let summary = try store.outboxSummary()
            let now = Timestamp.now()
            checks.append(Doctor.outbox(Doctor.OutboxFacts(
                issuerConfigured: configuration.issuer != nil, waiting: summary.counts[.queued] ?? 0,
                oldestWaitSeconds: summary.oldestQueuedAt.map { (now.milliseconds - $0.milliseconds) / 1000 },
                unsure: summary.counts[.unsure] ?? 0)))
        } catch {
            checks.append(Doctor.database(.failed(error.description)))
            checks.append(diskCheck(directory))
            checks.append(.skipped("outbox", because: "the database cannot be read"))
        }
        return checks
    }

    private static func stateFolderFacts(_ directory: String) -> Doctor.StateFolderFacts {
        var facts = Doctor.StateFolderFacts(path: directory)
        var folder = stat()
        guard case .success = systemCall("stat \(directory)", { stat(directory, &folder) }) else {
            facts.exists = false
            return facts
        }
        facts.isFolder = folder.st_mode & S_IFMT == S_IFDIR
        facts.canLookInside = systemCall("access \(directory)") { access(directory, R_OK | X_OK) } == .success(0)
        facts.ownerCanWrite = folder.st_mode & (S_IWUSR | S_IXUSR) == S_IWUSR | S_IXUSR
        facts.strangers = serviceFiles.filter { name in
            var file = stat()
            guard case .success = systemCall("stat \(name)", { lstat("\(directory)/\(name)", &file) }) else { return false }
            return file.st_uid != folder.st_uid
        }
        return facts
    }

    /// Free space for unprivileged writes on the disk holding `path`.
    private static func diskCheck(_ path: String) -> DoctorCheck {
        var info = statvfs()
        switch systemCall("statvfs \(path)", { statvfs(path, &info) }) {
        case .success:
            return Doctor.disk(Doctor.DiskFacts(path: path, freeBytes: Int64(info.f_bavail) * Int64(info.f_frsize)))
        case .failure(let error):
            return .skipped("disk space", because: "\(path) cannot be asked (\(error))")
        }
    }
}
