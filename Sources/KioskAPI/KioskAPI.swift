import Foundation

/// The wire contract of the kiosk service's HTTP API: how every body is written and read.
///
/// Keys are the property names as they are (camelCase, no conversion), absent optionals are left out
/// (save a report's figures not known, written null: see `ReportReply`), times are ISO 8601 in UTC to
/// the second, keys are sorted and slashes are not escaped. The service writes with `encoder`; the
/// front, the bench and the command line read with `decoder`.
public enum KioskAPI {
    /// The encoder every body is written with.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The decoder every body is read with.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// `value` as the bytes of a JSON body.
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        [UInt8](try encoder.encode(value))
    }

    /// A body of type `T` from `bytes`; throws `DecodingError` when a field is missing or of the wrong type.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try decoder.decode(T.self, from: Data(bytes))
    }
}
