/// The venue's Wi-Fi, as learners must join it before a phone can reach the claim page.
public struct VenueWiFi: Sendable, Equatable {
    /// The network's name (SSID) as people see it in their phone's list.
    public var name: String
    /// Its password; nil or empty for an open network.
    public var password: String?

    public init(name: String, password: String?) {
        self.name = name
        self.password = password
    }

    /// The text of a "join this network" QR code, which phone cameras offer to join:
    /// `WIFI:T:WPA;S:<name>;P:<password>;;`, or `WIFI:T:nopass;S:<name>;;` for an open network.
    public var qrText: String {
        if let password, !password.isEmpty {
            return "WIFI:T:WPA;S:\(Self.escaped(name));P:\(Self.escaped(password));;"
        }
        return "WIFI:T:nopass;S:\(Self.escaped(name));;"
    }

    /// The format's own separators (`;` `,` `:`), its quote and the backslash are taken literally only
    /// behind a backslash; a name like `Cafe;Guest` would otherwise end the field early.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\;,:\"".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
