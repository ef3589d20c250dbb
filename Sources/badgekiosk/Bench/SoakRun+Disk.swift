import Foundation
import HTTPKit
import KioskService
import KioskStore

extension SoakRun {
    /// The disk stays full at least this long, and longer until the service has felt it, up to `fullAtMost`.
    static let fullAtLeast = 5.0
    static let fullAtMost = 30.0
    /// The longest wait for the service to be healthy again after the disk is freed; it only stops a run that hangs.
    static let recoveryLimit = 60.0

    /// Fills the state folder's disk while the claims go on, frees it, and waits for `server` to take
    /// claims again by itself (it keeps what it could not save in memory meanwhile).
    func fillDisk(_ disk: SmallDisk, server: ServiceProcess, load: SoakLoad) throws -> SoakReport.DiskMoment {
        let refusedBefore = load.refusedCount
        // An empty write-ahead log makes the very next commit need new room.
        try disk.emptyLog(database: "\(state)/\(KioskStore.fileName)")
        try disk.fill()
        let filled = Date()
        var felt = false
        while Date().timeIntervalSince(filled) < Self.fullAtLeast || (!felt && Date().timeIntervalSince(filled) < Self.fullAtMost) {
            felt = felt || load.refusedCount > refusedBefore || health(server) == 503
            usleep(250_000)
        }
        let refused = load.refusedCount - refusedBefore
        try disk.free()
        let freed = Date()
        let acknowledgedBefore = load.acknowledgedCount
        var recovered = false
        while !recovered, server.process.isRunning, Date().timeIntervalSince(freed) < Self.recoveryLimit {
            recovered = health(server) == 200 && load.acknowledgedCount > acknowledgedBefore
            if !recovered { usleep(100_000) }
        }
        return SoakReport.DiskMoment(megabytes: Self.diskMegabytes, fullSeconds: freed.timeIntervalSince(filled), felt: felt,
                                     refused: refused, recovered: recovered && server.process.isRunning,
                                     recoverySeconds: Date().timeIntervalSince(freed))
    }

    /// The status `GET /healthz` answers (503 while the store cannot write); nil when nothing answers.
    private func health(_ server: ServiceProcess) -> Int? {
        guard let client = try? HTTPClient(host: "127.0.0.1", port: server.port, timeout: 5) else { return nil }
        defer { client.close() }
        return try? client.send(method: "GET", path: "/healthz").status
    }
}
