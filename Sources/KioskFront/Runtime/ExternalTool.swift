import Foundation
import Posix

/// A Debian program the front calls when it is installed (`lp`, `espeak-ng`, `aplay`): found on the
/// PATH, run to the end with its output read. Nothing in the front needs one to work.
struct ExternalTool: Sendable {
    let path: String

    /// What the program said and how it ended.
    struct Outcome: Sendable {
        var status: Int32
        var output: String
        var error: String
    }

    /// `name` on `searchPath` (the process's PATH, else Debian's usual folders), or nil when absent.
    static func find(_ name: String, searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> ExternalTool? {
        let folders = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }.map(ExternalTool.init)
    }

    /// Runs the program with `arguments` and nothing on its standard input, and waits for it.
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes read at once, so a chatty program cannot fill one while we wait on the other.
        let said = Locked(Data())
        let reader = DispatchQueue.global()
        let group = DispatchGroup()
        reader.async(group: group) { said.withLock { $0 = error.fileHandleForReading.readDataToEndOfFile() } }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
                       error: String(decoding: said.withLock { $0 }, as: UTF8.self))
    }
}
