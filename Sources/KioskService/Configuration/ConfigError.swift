/// A configuration that cannot be used: names the file, line and key so an admin can fix it.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the bad value came from: a file path, `environment` or `command line`.
    public var source: String
    /// The line in the file, when it came from one.
    public var line: Int?
    public var key: String
    public var problem: String

    public init(source: String, line: Int? = nil, key: String, problem: String) {
        self.source = source
        self.line = line
        self.key = key
        self.problem = problem
    }

    /// `file:line: key: what is wrong`.
    public var description: String {
        let place = line.map { "\(source):\($0)" } ?? source
        return "\(place): \(key): \(problem)"
    }
}
