/// `GET /healthz` while the service can use its disk.
public struct HealthReply: Codable, Sendable, Equatable {
    /// Always `ok`: a problem is an `ErrorReply` with status 503.
    public var status: String

    public init(status: String = "ok") {
        self.status = status
    }
}

/// Every refusal: `{"error":{"code":"snake_case","message":"plain words"}}`.
public struct ErrorReply: Codable, Sendable, Equatable {
    /// What went wrong: a code for programs and a message for people.
    public struct Detail: Codable, Sendable, Equatable {
        public var code: String
        public var message: String

        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
    }

    public var error: Detail

    public init(code: String, message: String) {
        error = Detail(code: code, message: message)
    }
}
