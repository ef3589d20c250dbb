import KioskCore

/// Words to show, kept as a text key so they follow the learner's language; `literal` is the
/// service's own message, used when the front has no translation for its error code.
struct Message: Equatable, Sendable {
    var key: String
    var values: [String: String] = [:]
    var literal: String?
    /// Good news (a volunteer's "Session started") rather than a problem to fix.
    var isNews = false

    init(_ key: String, _ values: [String: String] = [:]) {
        self.key = key
        self.values = values
    }

    static func news(_ key: String, _ values: [String: String] = [:]) -> Message {
        var message = Message(key, values)
        message.isNews = true
        return message
    }

    /// A refusal from the service: our words for codes we know, else the service's message.
    init(_ failure: ServiceFailure) {
        if failure.isUnreachable {
            self.init("front.problem.message")
        } else if Self.knownCodes.contains(failure.code) {
            self.init("front.error.\(failure.code)")
        } else {
            self.init("front.error.other")
            literal = failure.message.isEmpty ? nil : failure.message
        }
    }

    /// API and validation error codes that have their own text in every language.
    static let knownCodes: Set<String> = [
        "unknown_code", "code_expired", "code_used_up", "too_many_attempts", "code_missing",
        "name_missing", "name_too_long", "name_invalid", "email_missing", "email_too_long", "email_invalid",
        "email_space", "email_no_at",
        "title_missing", "title_too_long", "title_invalid", "expected_invalid", "badges_missing",
        "badges_too_many", "count_invalid", "storage_unavailable", "unauthorized", "not_unsure",
        "too_many_claims", "max_claims_invalid", "no_code", "badges_repeated", "consent_required", "not_found",
    ]
}

extension Message {
    /// A rule from KioskCore refused what was typed: our words for its code, else the rule's own.
    init(_ error: FieldError) {
        self.init(ServiceFailure(status: 400, code: error.code, message: error.message))
    }
}
