/// The checks of `badgekiosk doctor`, pure: each turns a small value of facts, gathered by
/// `DoctorCommand`, into one `DoctorCheck`, so every verdict and its advice is tested without a kiosk.
enum Doctor {
    /// Free space below this on the state folder's disk is a warning.
    static let lowDiskBytes: Int64 = 500 * 1_000_000
    /// Below this, claims may soon be refused: a failure.
    static let criticalDiskBytes: Int64 = 100 * 1_000_000
    /// A clock this far from the issuer's is a warning.
    static let clockWarnSeconds: Int64 = 60
    /// This far, a failure: awards and codes go by this clock.
    static let clockFailSeconds: Int64 = 300
    /// An award waiting longer than this while an issuer is set means forwarding is stuck.
    static let stalledOutboxSeconds: Int64 = 3600

    /// `850 MB`, `12.3 GB`.
    static func size(_ bytes: Int64) -> String {
        let megabytes = Double(max(0, bytes)) / 1_000_000
        guard megabytes >= 1000 else { return "\(Int(megabytes)) MB" }
        return "\((megabytes / 1000 * 10).rounded() / 10) GB"
    }
}
