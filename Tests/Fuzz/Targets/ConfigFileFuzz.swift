#if DEBUG || FUZZING
@testable import KioskService

/// The configuration file: parsed as `ServiceConfiguration.load` reads it, then every entry applied.
enum ConfigFileFuzz {
    static func run(_ bytes: [UInt8]) {
        // load refuses a file that is not UTF-8 before parsing it.
        guard let text = String(validating: bytes, as: UTF8.self),
              let file = try? ConfigFile(path: "fuzz.conf", text: text) else { return }
        var configuration = ServiceConfiguration()
        for entry in file.entries {
            _ = configuration.set(entry.key, to: entry.value)
        }
    }
}
#endif
