import Foundation

/// The built `badgekiosk` beside the test bundle, run to completion as a user would run it.
public enum BuiltBinary {
    /// What a finished program said and how it ended.
    public typealias Outcome = (status: Int32, out: String, err: String)

    public static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("badgekiosk").path
    }

    /// Runs `badgekiosk` with none of the test run's own `BADGEKIOSK_*` variables and no settings file,
    /// then `environment` on top; `input`, when given, is its standard input.
    public static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Outcome {
        var childEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BADGEKIOSK_") }
        childEnvironment["BADGEKIOSK_CONFIG"] = "/dev/null"
        childEnvironment.merge(environment) { $1 }
        return try runTool(path, arguments, environment: childEnvironment, input: input)
    }

    /// Runs any program to completion.
    public static func runTool(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                               input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let feed = input.map { _ in Pipe() }
        if let feed { process.standardInput = feed }
        try process.run()
        if let feed, let input {
            feed.fileHandleForWriting.write(Data(input.utf8))
            try feed.fileHandleForWriting.close()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
