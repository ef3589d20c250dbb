import Issuers

extension ServiceConfiguration: SettingsPart {
    /// The service's settings: the `[service]` part of the file, in the order the example file shows them.
    static let settings: [Setting<ServiceConfiguration>] = [
        .value("listen", \.listenAddress, default: "0.0.0.0:8080", flag: ("listen", "HOST:PORT"),
               doc: "Where the service listens; 0.0.0.0 lets phones on the venue network reach it.",
               comment: ["Port 0 picks a free port (for tests and the demo)."]) {
            checked(parseListen($0), or: "expected HOST:PORT, e.g. 0.0.0.0:8080")
        },
        .value("state_dir", \.stateDirectory, default: "/var/lib/badgekiosk", flag: ("state-dir", "DIR"),
               doc: "Where the database and staff token live.",
               comment: ["systemd's StateDirectory= makes this folder."]) {
            checked(isPath($0) ? $0 : nil, or: "expected a folder path")
        },
        .optional("public_url", \.publicURL, sample: "http://192.168.1.20:8080",
                  doc: "The address printed in QR codes; unset, this laptop's address on the venue network, followed as it changes.") { text in
            let valid = (text.hasPrefix("http://") || text.hasPrefix("https://")) && text.count > 8
                && !text.contains(where: { " \"<>".contains($0) })
            return checked(valid ? withoutTrailingSlash(text) : nil, or: "expected an address starting with http:// or https://")
        },
        .value("venue_name", \.venueName, default: "our venue", .sample("Your Venue, Town"),
               doc: "The venue's name, shown to learners on the claim page.",
               comment: ["Several kiosks at different venues can share this one file: see venue_file below."]) {
            checked(!$0.isEmpty && $0.count <= 100 ? $0 : nil, or: "expected a name of 1 to 100 characters")
        },
        .value("venue_file", \.venueFile, default: "/etc/badgekiosk/venue", .commented,
               doc: "A file with this laptop's own venue name: when it exists, its first line replaces venue_name.",
               comment: ["So one settings file serves many kiosks: copy the same badgekiosk.conf to every laptop,",
                         "then on each laptop write its own venue's name in this file and restart the service:",
                         "  echo 'Riverside Library, Leeds' | sudo tee /etc/badgekiosk/venue",
                         "  sudo systemctl restart badgekiosk",
                         "A laptop without the file uses venue_name."]) {
            checked(isPath($0) ? $0 : nil, or: "expected the path of a file")
        },
        .number("code_lifetime_hours", \.codeLifetimeHours, default: 72, in: 1...24 * 365,
                doc: "How long a session's code works after the session ends, in hours."),
        .number("claim_headroom_percent", \.claimHeadroomPercent, default: 20, in: 0...1000,
                doc: "Room for walk-ins: a code admits this many percent more learners than expected."),
        .number("max_failed_code_attempts", \.maxFailedCodeAttempts, default: 10, in: 1...10_000,
                doc: "Failed code attempts one device may make in five minutes before it must wait."),
        .number("retention_days", \.retentionDays, default: 30, in: 1...3650,
                doc: "Days names and emails are kept after the issuer confirmed every award of a claim.",
                comment: ["Then they are erased; the counts stay for reports."]),
        .yesNo("celebrate_names", \.celebrateNames, default: true,
               doc: "Whether a learner may say yes to \"Well done\" with their first name on the kiosk's first screen: yes or no.",
               comment: ["Only learners who say yes, only the first name, for 10 minutes, 3 at a time; never an email.",
                         "Names are kept in memory only, never on disk. With no, nobody is asked."]),
        .number("event_loops", \.eventLoops, default: 2, in: 1...64, .commented,
                doc: "Threads that serve connections."),
        .number("max_connections", \.maxConnections, default: 1024, in: 16...65_536, .commented,
                doc: "Connections served at once.",
                comment: ["If the service's open-file limit (LimitNOFILE) is too low for this, it serves fewer",
                          "and says so in its log."]),
        .number("max_connections_per_address", \.maxConnectionsPerAddress, default: 32, in: 4...65_536, .commented,
                doc: "Connections one device may hold at once (a phone needs a handful)."),
    ] + issuerSettingsTable

    /// The service's settings that have a command-line flag, for commands to build options and help from.
    public static let flags: [SettingFlag] = settings.compactMap(\.info.flag)

    /// Forwarding to the central issuer.
    private static let issuerSettingsTable: [Setting<ServiceConfiguration>] = [
        .optional("issuer", \.issuer, sample: "obf", heading: "Forwarding to the central issuer",
                  doc: "Which issuer API to send awards to: \(IssuerKind.allCases.map(\.rawValue).joined(separator: ", ")).",
                  comment: ["obf is Open Badge Factory; badgr is Badgr or Canvas Credentials; navigatr is Navigatr",
                            "(with issuer_url = https://api.navigatr.app).",
                            "Leave unset and claims are still taken and kept, queued, until an issuer is set."]) {
            checked(IssuerKind(rawValue: $0.lowercased()),
                    or: "expected " + IssuerKind.allCases.map(\.rawValue).joined(separator: ", "))
        },
        .optional("issuer_url", \.issuerURL, sample: "https://openbadgefactory.com",
                  doc: "The issuer's API address: https:// only (plain http only to 127.0.0.1, for the simulator).") { text in
            IssuerSettings.problem(withURL: text).map { .failure(SettingProblem(message: $0)) } ?? .success(text)
        },
        .optional("issuer_client_id", \.issuerClientID, sample: "YOUR_CLIENT_ID",
                  doc: "The API client id the issuer gave you.",
                  comment: ["For Badgr, an email address here signs in as that user (password grant); anything else",
                            "is an application id (client credentials). For Navigatr, your provider's id number, used",
                            "only to list its badges (leave unset to add badges by their number)."]) {
            checked(!$0.isEmpty && $0.count <= 200 && !$0.contains(where: \.isWhitespace) ? $0 : nil,
                    or: "expected the client id the issuer gave you (no spaces)")
        },
        .optional("issuer_client_secret_file", \.issuerClientSecretFile, sample: "/etc/badgekiosk/issuer-secret",
                  doc: "A file holding only the client secret, readable by the service alone (chmod 600).",
                  comment: ["The secret is the Badgr password, or Navigatr's personal access token (made under",
                            "User Settings > Personal Access Tokens). A file other users can read is refused. The secret",
                            "itself never goes in this file or on a command line. Under systemd the service runs as a",
                            "dynamic user that cannot read a root-only file, so it is handed over as a credential;",
                            "sudo badgekiosk setup does all of this for you. By hand:",
                            "  sudo install -m 600 /dev/stdin /etc/badgekiosk/issuer-secret    (type the secret, then Ctrl-D)",
                            "  sudo systemctl edit badgekiosk    and add:",
                            "    [Service]",
                            "    LoadCredential=issuer-secret:/etc/badgekiosk/issuer-secret",
                            "    Environment=BADGEKIOSK_ISSUER_CLIENT_SECRET_FILE=%d/issuer-secret"]) {
            checked(isPath($0) ? $0 : nil, or: "expected the path of a file holding the secret")
        },
        .optional("issuer_ca_file", \.issuerCAFile, sample: "/etc/badgekiosk/venue-ca.pem",
                  doc: "A PEM file of certificate authorities to trust for the issuer instead of the system's.",
                  comment: ["Only for a venue network that inspects https through its own certificate authority."]) {
            checked(isPath($0) ? $0 : nil, or: "expected the path of a PEM file of certificates")
        },
        .number("issuer_timeout_seconds", \.issuerTimeoutSeconds, default: 20, in: 1...600,
                doc: "Seconds a request to the issuer may go without an answer before it is tried again.",
                comment: ["An award whose request timed out is looked up at the issuer before it is sent again (Navigatr",
                          "cannot be asked, so there it waits as unsure for staff to check: see badgekiosk outbox --help)."]),
        .number("issuer_concurrency", \.issuerConcurrency, default: 4, in: 1...32,
                doc: "Awards sent at once."),
        .number("issuer_max_backoff_seconds", \.issuerMaxBackoffSeconds, default: 300, in: 1...3600,
                doc: "The longest wait between two attempts of one award, in seconds (300 is 5 minutes)."),
    ]
}

/// A file or folder path: absolute, or relative to where the command runs (`./x`, `../x`).
func isPath(_ text: String) -> Bool {
    text.hasPrefix("/") || text.hasPrefix(".")
}

/// An address as the kiosk joins paths to it.
func withoutTrailingSlash(_ text: String) -> String {
    text.hasSuffix("/") ? String(text.dropLast()) : text
}
