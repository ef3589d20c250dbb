/// One part of the settings file, under its own `[name]` header.
public struct SettingsSection: Sendable, Equatable {
    /// The header's name: `service` or `front`.
    public let name: String
    /// What the part is for, as the example file's heading says it.
    public let title: String
    /// Lines the example file and help show about the part as a whole.
    public let about: [String]
    public let settings: [SettingInfo]

    /// The service's settings.
    public static let service = SettingsSection(
        name: "service", title: "The service: badgekiosk serve", about: [],
        settings: ServiceConfiguration.settings.map(\.info))

    /// The terminal front's settings.
    public static let front = SettingsSection(
        name: "front", title: "The terminal front: badgekiosk front, on tty1",
        about: ["The front also reads listen, state_dir and issuer (named to learners) from [service]."],
        settings: FrontSettings.settings.map(\.info))
}
