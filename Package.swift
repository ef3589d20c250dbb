// swift-tools-version: 6.0
import PackageDescription

/// badgekiosk: one executable, libraries with one job each (see docs/ARCHITECTURE.md §2).
let package = Package(
    name: "badgekiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "badgekiosk", targets: ["badgekiosk"]),
    ],
    targets: [
        // C libraries, through the system's pkg-config.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // libcurl for https to the issuer, used directly for control over connection reuse.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Linux calls Glibc does not expose to Swift (epoll, eventfd).
        .target(name: "CLinux"),

        // System primitives: EINTR-safe calls, file descriptors, signals, locks.
        .target(name: "Posix"),
        // The domain: badges, sessions, claim codes, claims, validation. Pure.
        .target(name: "KioskCore"),
        // SQLite: migrations, repositories, the group-commit writer.
        .target(name: "KioskStore", dependencies: ["KioskCore", "CSQLite", "Posix"]),
        // HTTP/1.1 as values, pure: parsers, headers, status, requests and responses, the wire format, the responder protocols.
        .target(name: "HTTPCore"),
        // HTTP/1.1 over POSIX sockets: an epoll server with limits and a small blocking client.
        .target(name: "HTTPKit", dependencies: ["HTTPCore", "Posix", "CLinux"]),
        // The words of the claim page and the front, one table per language.
        .target(name: "Localization"),
        // Issuer adapters (Open Badge Factory, Badgr, Navigatr), their transports and the outbox forwarder.
        .target(name: "Issuers", dependencies: ["KioskCore", "KioskStore", "HTTPCore", "HTTPKit", "Posix", "CCurl"]),
        // A stand-in issuer speaking all three APIs, with injectable faults: for the demo, tests and practice.
        .target(name: "IssuerSimulator", dependencies: ["HTTPCore", "HTTPKit", "Posix"]),
        // The wire contract of the service's API: every request and reply body, and the live events' kinds.
        .target(name: "KioskAPI"),
        // The local service: routes, claim page, staff auth, rate limits, configuration.
        .target(name: "KioskService", dependencies: ["KioskAPI", "KioskCore", "KioskStore", "HTTPCore", "HTTPKit", "Posix", "Localization", "Issuers"]),
        // QR codes through libqrencode: the matrix, terminal rendering, SVG.
        .target(name: "QRCode", dependencies: ["CQREncode"]),
        // Printed slips: an A4 PDF made here, with TrueType fonts embedded so every language prints.
        .target(name: "Printing", dependencies: ["QRCode", "KioskCore"]),
        // The terminal toolkit: raw mode, keys, cell buffer and diff renderer, big font, layout.
        .target(name: "TerminalUI", dependencies: ["Posix", "CLinux"]),
        // The front's screens as model → update → view, talking to the service over HTTP.
        .target(name: "KioskFront", dependencies: ["KioskAPI", "TerminalUI", "QRCode", "KioskCore", "HTTPCore", "HTTPKit", "Localization", "Posix",
                                                   "Printing"]),
        // The command line.
        .executableTarget(name: "badgekiosk", dependencies: [
            "KioskAPI", "KioskService", "KioskStore", "KioskCore", "HTTPCore", "HTTPKit", "Posix", "Issuers", "IssuerSimulator",
            "KioskFront", "QRCode", "TerminalUI", "CLinux",
        ]),

        // The libFuzzer targets (.ci/fuzz builds them with -DFUZZING to fuzz). The program's main is C because
        // SwiftPM links a Swift executable's main to its own entry point, and libFuzzer must supply main.
        .target(name: "FuzzTargets", dependencies: ["HTTPCore", "KioskAPI", "KioskCore", "KioskService", "TerminalUI"], path: "Tests/Fuzz/Targets"),
        .executableTarget(name: "badgekiosk-fuzz", dependencies: ["FuzzTargets"], path: "Tests/Fuzz/Main"),

        // Helpers shared by the test targets: a responder rig that records answers in memory, scripted servers, raw connections,
        // the built binary, the issuer simulator's settings for a child service, and the reports' 4-day course with its figures counted by hand.
        .target(name: "TestSupport", dependencies: ["HTTPCore", "Posix", "KioskAPI", "KioskCore", "KioskStore"], path: "Tests/TestSupport"),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore", "TestSupport"]),
        .testTarget(name: "HTTPKitTests", dependencies: ["HTTPKit", "HTTPCore", "Posix", "TestSupport"]),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore"]),
        .testTarget(name: "KioskStoreTests", dependencies: ["KioskStore", "KioskCore", "CSQLite", "Posix", "TestSupport"]),
        .testTarget(name: "KioskAPITests", dependencies: ["KioskAPI"]),
        .testTarget(name: "KioskServiceTests", dependencies: ["KioskAPI", "KioskService", "Issuers", "KioskStore", "KioskCore", "HTTPCore", "HTTPKit", "Posix", "Localization", "IssuerSimulator", "TestSupport"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization"]),
        .testTarget(name: "IssuersTests", dependencies: ["Issuers", "IssuerSimulator", "KioskStore", "KioskCore", "HTTPCore", "Posix", "KioskService", "TestSupport"]),
        .testTarget(name: "IssuerSimulatorTests", dependencies: ["IssuerSimulator", "HTTPCore", "HTTPKit", "TestSupport"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "CQREncode"]),
        .testTarget(name: "PrintingTests", dependencies: ["Printing", "KioskCore", "QRCode"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        // The command line's own pure parts (the soak's plan, figures and checks).
        .testTarget(name: "BenchTests", dependencies: ["badgekiosk"]),
        // The command line's declarations, parser and help, and the built binary's answers to bad words.
        .testTarget(name: "CommandLineTests", dependencies: ["badgekiosk", "TestSupport"]),
        .testTarget(name: "KioskFrontTests", dependencies: ["TestSupport", "KioskAPI", "KioskFront", "TerminalUI", "QRCode", "KioskCore", "HTTPCore", "HTTPKit", "Localization", "KioskService", "KioskStore", "IssuerSimulator"]),
    ],
    swiftLanguageModes: [.v6]
)
