#if DEBUG || FUZZING
@testable import KioskService

/// The configuration file: parsed as `KioskSettings.load` reads it, then every entry applied.
enum ConfigFileFuzz {
    static func run(_ bytes: [UInt8]) {
        // load refuses a file that is not UTF-8 before parsing it.
        guard let text = String(validating: bytes, as: UTF8.self),
              let file = try? ConfigFile(path: "fuzz.conf", text: text, sections: KioskSettings.sections.map(\.name)) else { return }
        var settings = KioskSettings()
        for entry in file.entries {
            _ = settings.set(entry.key, to: entry.value)
        }
    }
}
#endif
