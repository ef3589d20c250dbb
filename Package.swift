// swift-tools-version: 6.0
import PackageDescription

/// badgekiosk: one executable, libraries with one job each (see DESIGN.md §3).
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
        // Linux calls Glibc does not expose to Swift (epoll, eventfd).
        .target(name: "CLinux"),

        // System primitives: EINTR-safe calls, file descriptors, signals, locks.
        .target(name: "Posix", dependencies: ["CLinux"]),
        // The domain: badges, sessions, claim codes, claims, validation. Pure.
        .target(name: "KioskCore"),
        // SQLite: migrations, repositories, the group-commit writer.
        .target(name: "KioskStore", dependencies: ["KioskCore", "CSQLite", "Posix"]),
        // HTTP/1.1 over POSIX sockets: a pure parser, an epoll server, a small client.
        .target(name: "HTTPKit", dependencies: ["Posix", "CLinux"]),
        // The local service: routes, staff auth, rate limits, configuration.
        .target(name: "KioskService", dependencies: ["KioskCore", "KioskStore", "HTTPKit", "Posix"]),
        // The command line.
        .executableTarget(name: "badgekiosk", dependencies: ["KioskService", "KioskStore", "KioskCore", "HTTPKit", "Posix"]),

        .testTarget(name: "HTTPKitTests", dependencies: ["HTTPKit"]),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore"]),
        .testTarget(name: "KioskStoreTests", dependencies: ["KioskStore", "KioskCore"]),
        .testTarget(name: "KioskServiceTests", dependencies: ["KioskService", "KioskStore", "KioskCore", "HTTPKit", "Posix"]),
    ],
    swiftLanguageModes: [.v6]
)
