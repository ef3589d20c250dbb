/// One value bound to, or read from, an SQLite statement.
public enum SQLValue: Sendable, Equatable {
    case integer(Int64)
    case text(String)
    case real(Double)
    case blob([UInt8])
    case null
}
