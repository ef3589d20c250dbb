/// The HTTP versions the server and client speak.
public enum HTTPVersion: Sendable, Equatable {
    case http1_0
    case http1_1
}
