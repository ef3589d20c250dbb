import Foundation
import KioskAPI
import Testing

/// Checks one body against the JSON the service sends: the literal reads as `expected`, and `expected`
/// is written back as exactly the literal (sorted keys, absent optionals left out, times to the second).
func expectWire<T: Codable & Equatable>(_ literal: String, _ expected: T,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws {
    let decoded = try KioskAPI.decode(T.self, from: Array(literal.utf8))
    #expect(decoded == expected, sourceLocation: sourceLocation)
    #expect(String(decoding: try KioskAPI.encode(expected), as: UTF8.self) == literal, sourceLocation: sourceLocation)
}

/// A time as the service writes it, for the expected values.
func time(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}
