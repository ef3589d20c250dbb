import KioskCore
import Testing

@Suite("The venue Wi-Fi's join code")
struct VenueWiFiTests {
    @Test func aPasswordedNetworkIsWPA() {
        #expect(VenueWiFi(name: "Venue Guest", password: "PASSWORD").qrText == "WIFI:T:WPA;S:Venue Guest;P:PASSWORD;;")
    }

    @Test(arguments: [nil, ""])
    func anOpenNetworkHasNoPassword(password: String?) {
        #expect(VenueWiFi(name: "Library Free", password: password).qrText == "WIFI:T:nopass;S:Library Free;;")
    }

    /// Phones split the fields on unescaped `;` `,` and `:`, so each is escaped, as are `\` and `"`.
    @Test func theFormatsOwnCharactersAreEscaped() {
        let wifi = VenueWiFi(name: #"Cafe;Guest, "2""#, password: #"a:b\c;d,e"#)
        #expect(wifi.qrText == #"WIFI:T:WPA;S:Cafe\;Guest\, \"2\";P:a\:b\\c\;d\,e;;"#)
    }

    @Test func lettersBeyondASCIIAreKeptAsTheyAre() {
        #expect(VenueWiFi(name: "Kawiarnia Żółw", password: "пароль123").qrText == "WIFI:T:WPA;S:Kawiarnia Żółw;P:пароль123;;")
    }
}
