@preconcurrency import Glibc
import Foundation
import IssuerSimulator
import KioskCore
import KioskService
import KioskStore
import Posix

/// `bench soak`: minutes of claims against a `badgekiosk serve` child that forwards to a misbehaving
/// simulated issuer, killed (`kill -9`) at random moments and restarted on the same state folder, its
/// disk full for a moment; then the checks that nothing acknowledged was lost, every award reached the
/// issuer exactly once, and memory and descriptors stayed flat.
final class SoakRun: @unchecked Sendable {
    /// One service process and when it started.
    struct Life {
        let server: ServiceProcess
        let startedAt: UInt64
    }

    static let defaultFaults = "slow:0.1,drop:0.05,500:0.05,503:0.03,429:0.02,timeout:0.02,reset:0.03,drop-reused:0.02,"
        + "token-expiry:45s"
    /// Each claim asks for two badges, so one claim makes two awards.
    static let badges = SimulatedBadge.demoCatalogue.prefix(2).map { Badge(id: $0.id, name: $0.name, description: $0.description) }
    /// Room for a half-hour soak's database with plenty to spare; a fill takes this much memory for a moment.
    static let diskMegabytes = 256
    /// The longest wait for the outbox to empty once the load stops; it only stops a run that hangs.
    static let drainLimit = 600.0
    static let sampleInterval: UInt64 = 2_000_000_000

    let minutes: Int
    let connections: Int
    let perSecond: Int
    let seed: UInt64
    let faults: FaultSpec
    let executable: String
    /// Holds the state folder (the tmpfs is mounted on it), the service's log and the issuer's secret.
    let directory: String
    var state: String { "\(directory)/state" }
    var seconds: Double { Double(minutes * 60) }

    /// The service now running; nil while it is being replaced.
    let life = Locked<Life?>(nil)
    private let samples = Locked<[ResourceTrend.Sample]>([])
    private var started: UInt64 = 0

    init(minutes: Int, connections: Int, perSecond: Int, seed: UInt64, faults: FaultSpec, executable: String, directory: String) {
        self.minutes = minutes
        self.connections = connections
        self.perSecond = perSecond
        self.seed = seed
        self.faults = faults
        self.executable = executable
        self.directory = directory
    }

    func run() throws -> SoakReport {
        var report = SoakReport(minutes: minutes, seed: seed, connections: connections, perSecond: perSecond,
                                faults: faults.description)
        guard SmallDisk.permitted else {
            report.diskSkipped = "mounting a tmpfs needs root"
            try soak(disk: nil, into: &report)
            return report
        }
        try SmallDisk.with(megabytes: Self.diskMegabytes, at: state) { disk in
            try soak(disk: disk, into: &report)
            // What a failed run stored outlives the tmpfs, for a look afterwards.
            if !report.passed { try keepDatabase() }
        }
        return report
    }

    private func soak(disk: SmallDisk?, into report: inout SoakReport) throws {
        try BenchCommand.seedCatalogue(Self.badges, state: state)
        var configuration = SimulatorConfiguration()
        configuration.faults = faults
        configuration.seed = seed
        configuration.retryAfterSeconds = 1
        configuration.holdSeconds = 2
        configuration.slowSeconds = 0.2
        let issuer = try BenchIssuer(configuration, directory: directory, settings: [
            "BADGEKIOSK_ISSUER_TIMEOUT_SECONDS": "1", "BADGEKIOSK_ISSUER_MAX_BACKOFF_SECONDS": "1",
        ])
        defer { issuer.shutdown() }
        let first = try startService(issuer.environment)
        defer { life.withLock { $0 }?.server.stop() }
        let codes = try BenchCommand.prepareCodes(server: first, claims: Int(Double(perSecond) * seconds * 1.25) + 1200,
                                                  badges: Self.badges.map(\.id))
        let requests = ClaimRequests(codes: codes, claimsPerCode: 1200, staffToken: try first.staffToken())
        let load = SoakLoad(requests: requests, connections: connections, perSecond: perSecond, port: first.port)
        started = MonotonicClock.nanoseconds()
        load.start()
        defer { _ = load.stop() }
        let sampler = startSampler()
        defer { sampler.stop() }
        try drive(disk: disk, load: load, environment: issuer.environment, into: &report)
        report.load = load.stop()
        sampler.stop()
        report.trend = ResourceTrend(samples: samples.withLock { $0 }, seconds: seconds)

        guard let last = life.withLock({ $0 })?.server else { throw RuntimeError("no service is running at the end") }
        let stopped = Date()
        if try last.awaitOutboxEmpty(until: stopped.addingTimeInterval(Self.drainLimit)) {
            report.drainSeconds = Date().timeIntervalSince(stopped)
        }
        last.stop()
        keepLog(of: last)
        report.audit = try audit(acknowledged: report.load.acknowledged, issuer: issuer)
    }

    /// Kills and restarts the service at the plan's moments, and fills the disk once, until the run's time is up.
    private func drive(disk: SmallDisk?, load: SoakLoad, environment: [String: String], into report: inout SoakReport) throws {
        var plan = SoakPlan(seconds: seconds, seed: seed, fillsDisk: disk != nil)
        var fillAt = plan.fillAt
        var killAt = elapsed + plan.nextLifetime()
        while elapsed < seconds {
            guard let server = life.withLock({ $0 })?.server else { throw RuntimeError("the service is gone") }
            if !server.process.isRunning {
                report.unexpectedExits += 1
                _ = try replaceService(killing: false, environment: environment, load: load)
                killAt = elapsed + plan.nextLifetime()
            } else if let disk, let moment = fillAt, elapsed >= moment {
                fillAt = nil
                report.disk = try fillDisk(disk, server: server, load: load)
                // The next kill waits until the recovery has been seen.
                killAt = max(killAt, elapsed + 5)
            } else if elapsed >= killAt {
                let caught = try replaceService(killing: true, environment: environment, load: load)
                report.kills += 1
                report.killsMidSend += caught > 0 ? 1 : 0
                report.awardsMidSend += caught
                killAt = elapsed + plan.nextLifetime()
            }
            usleep(100_000)
        }
    }

    /// Seconds since the load started.
    private var elapsed: Double {
        Double(MonotonicClock.nanoseconds() - started) / 1e9
    }

    private func startService(_ environment: [String: String]) throws -> ServiceProcess {
        let server = try ServiceProcess(executable: executable, stateDirectory: state, environment: environment)
        life.withLock { $0 = Life(server: server, startedAt: MonotonicClock.nanoseconds()) }
        return server
    }

    /// `kill -9`s the service (unless it already stopped) and starts a new one on the same state folder;
    /// answers how many awards the old one left marked as being sent (their outcome unknown to it).
    private func replaceService(killing: Bool, environment: [String: String], load: SoakLoad) throws -> Int {
        guard let old = life.withLock({ current in
            defer { current = nil }
            return current
        }) else { return 0 }
        if killing { old.server.stop(signal: SIGKILL) } else { old.server.process.waitUntilExit() }
        keepLog(of: old.server)
        let caught = try awardsBeingSent()
        load.retarget(port: try startService(environment).port)
        return caught
    }

    /// Adds what a service process logged to `service.log` (each new process starts its own log afresh).
    private func keepLog(of server: ServiceProcess) {
        let path = "\(directory)/service.log"
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data("--- pid \(server.process.processIdentifier)\n\(server.log)".utf8))
    }

    private func keepDatabase() throws {
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: "\(state)/\(KioskStore.fileName)\(suffix)") {
            try FileManager.default.copyItem(atPath: "\(state)/\(KioskStore.fileName)\(suffix)",
                                             toPath: "\(directory)/\(KioskStore.fileName)\(suffix)")
        }
    }

    /// Looks at the running service's RSS and open descriptors every two seconds, in a thread of its own.
    private func startSampler() -> Sampler {
        let sampler = Sampler()
        let thread = Thread { [self] in
            defer { sampler.done.signal() }
            var due = MonotonicClock.nanoseconds()
            while !sampler.stopping.withLock({ $0 }) {
                if MonotonicClock.nanoseconds() >= due {
                    takeSample()
                    due += Self.sampleInterval
                }
                usleep(100_000)
            }
        }
        thread.start()
        return sampler
    }

    private func takeSample() {
        guard let current = life.withLock({ $0 }),
              let kilobytes = current.server.residentKilobytes, let descriptors = current.server.openDescriptors,
              // Still the same process: the figures were not read from one being killed.
              life.withLock({ $0?.server === current.server }) else { return }
        let now = MonotonicClock.nanoseconds()
        let sample = ResourceTrend.Sample(at: Double(now - started) / 1e9, sinceStart: Double(now - current.startedAt) / 1e9,
                                          residentKilobytes: kilobytes, descriptors: descriptors)
        samples.withLock { $0.append(sample) }
    }

    /// The sampling thread's stop switch.
    final class Sampler: Sendable {
        let stopping = Locked(false)
        let done = DispatchSemaphore(value: 0)

        /// Stops the thread and waits for it; a second call returns at once.
        func stop() {
            let first = stopping.withLock { stopping in
                defer { stopping = true }
                return !stopping
            }
            if first { done.wait() }
        }
    }
}
