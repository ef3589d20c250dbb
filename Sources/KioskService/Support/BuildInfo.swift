/// Which build of badgekiosk is running, as `/metrics` reports it.
///
/// The version and commit are the executable's own: `badgekiosk serve` passes them in, so they are
/// written in one place only.
public struct BuildInfo: Sendable, Equatable {
    public var version: String
    /// The git commit, or "unknown" for a development build.
    public var commit: String

    public init(version: String, commit: String) {
        self.version = version
        self.commit = commit
    }

    /// What a service started without being told (tests, tools) reports.
    public static let unknown = BuildInfo(version: "unknown", commit: "unknown")
}
