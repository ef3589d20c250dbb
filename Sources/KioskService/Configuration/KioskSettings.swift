/// Every setting a kiosk reads from its one file: the service's under `[service]` and the front's
/// under `[front]`. Each is described once, in its part's table; see `SettingInfo`.
public struct KioskSettings: Sendable, Equatable {
    public var service: ServiceConfiguration
    public var front: FrontSettings

    public init(service: ServiceConfiguration = ServiceConfiguration(), front: FrontSettings = FrontSettings()) {
        self.service = service
        self.front = front
    }

    /// Where the front and the admin commands find the local service: `service_url`, else 127.0.0.1
    /// on the `listen` port.
    public var localServiceURL: String {
        front.serviceURL ?? "http://127.0.0.1:\(service.listenPort)"
    }

    /// The parts of the file, in the order the example file shows them.
    public static let sections: [SettingsSection] = [.service, .front]

    /// Every setting that has a command-line flag: the service's, then the front's.
    public static let flags: [SettingFlag] = ServiceConfiguration.flags + FrontSettings.flags

    /// Every file key, in table order.
    static let keys: [String] = sections.flatMap { $0.settings.map(\.key) }

    /// Stores one setting from text, in the part it belongs to: nil when done, else what is wrong.
    mutating func set(_ key: String, to value: String) -> String? {
        if let setting = ServiceConfiguration.setting(key) { return setting.apply(&service, value) }
        if let setting = FrontSettings.setting(key) { return setting.apply(&front, value) }
        return Self.notASetting(key, among: Self.keys)
    }

    /// The part of the file `key` belongs to.
    static func section(of key: String) -> SettingsSection? {
        sections.first { $0.settings.contains { $0.key == key } }
    }

    /// `not a setting; did you mean venue_name?`, or the list of settings when none is near.
    static func notASetting(_ name: String, among names: [String],
                            shownAs show: (String) -> String = { $0 }) -> String {
        guard let near = NearestName.to(name, among: names) else {
            return "not a setting (settings: \(names.map(show).joined(separator: ", ")))"
        }
        return "not a setting; did you mean \(show(near))?"
    }
}
