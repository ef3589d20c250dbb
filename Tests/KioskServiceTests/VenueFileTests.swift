import Foundation
import Testing
@testable import KioskService

@Suite("One settings file for many kiosks: venue_file")
struct VenueFileTests {
    /// A shared settings file naming `venueFile`, and that file with `venue` in it (nil: no such file).
    func load(venue: String?, environment: [String: String] = [:]) throws -> ServiceConfiguration {
        let folder = NSTemporaryDirectory() + "badgekiosk-venue-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let venueFile = folder + "/venue"
        if let venue { try venue.write(toFile: venueFile, atomically: true, encoding: .utf8) }
        let config = folder + "/badgekiosk.conf"
        try "[service]\nvenue_name = Shared Name\nvenue_file = \(venueFile)\n".write(toFile: config, atomically: true, encoding: .utf8)
        return try ServiceConfiguration.load(path: config, environment: environment)
    }

    @Test("the file's first line is the venue, whatever the shared file or the environment says", arguments: [
        ("Riverside Library, Leeds\n", "Riverside Library, Leeds"),
        ("  Riverside Library  \r\n", "Riverside Library"),
        ("\n\nCross Keys Homes\nsecond line ignored\n", "Cross Keys Homes"),
        ("Без перекладу", "Без перекладу"),
    ])
    func fileNamesTheVenue(text: String, venue: String) throws {
        #expect(try load(venue: text).venueName == venue)
        #expect(try load(venue: text, environment: ["BADGEKIOSK_VENUE_NAME": "From Env"]).venueName == venue)
    }

    @Test("without the file, venue_name is used")
    func noFileKeepsTheSharedName() throws {
        #expect(try load(venue: nil).venueName == "Shared Name")
    }

    @Test("the default is /etc/badgekiosk/venue, next to the settings file")
    func defaultPath() {
        #expect(ServiceConfiguration().venueFile == "/etc/badgekiosk/venue")
    }

    @Test("an empty file, or a name too long, is refused naming the file")
    func badFilesAreRefused() throws {
        let empty = #expect(throws: ConfigError.self) { try load(venue: "\n  \n") }
        #expect(empty?.key == "venue_file")
        #expect(empty?.problem == "is empty: write the venue's name in it")
        #expect(empty?.source.hasSuffix("/venue") == true)
        let long = #expect(throws: ConfigError.self) { try load(venue: "\n" + String(repeating: "x", count: 101)) }
        #expect(long?.key == "venue_name")
        #expect(long?.line == 2)
        #expect(long?.description.contains("/venue:2: venue_name: expected a name of 1 to 100 characters") == true)
    }
}
