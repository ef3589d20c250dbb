/// One row of a settings table: what people read about a setting, and how its text is checked and stored.
struct Setting<Settings>: Sendable {
    let info: SettingInfo
    /// Checks `text` and stores it in the settings, or returns what is wrong in plain words.
    let apply: @Sendable (inout Settings, String) -> String?

    /// A setting with a default, stored as whatever `check` makes of its text.
    static func value<Value>(
        _ key: String, _ path: WritableKeyPath<Settings, Value> & Sendable, default defaultValue: String,
        _ exampleLine: SettingInfo.ExampleLine = .active, heading: String? = nil, flag: (name: String, valueName: String)? = nil,
        doc: String, comment: [String] = [], check: @escaping @Sendable (String) -> Result<Value, SettingProblem>
    ) -> Setting {
        Setting(info: SettingInfo(key: key, doc: doc, comment: comment, defaultValue: defaultValue, exampleLine: exampleLine,
                                  heading: heading, flag: flag),
                apply: { settings, text in store(check(text), at: path, in: &settings) })
    }

    /// A setting that is unset unless given; the example file shows it commented out with `sample`.
    static func optional<Value>(
        _ key: String, _ path: WritableKeyPath<Settings, Value?> & Sendable, sample: String,
        heading: String? = nil, flag: (name: String, valueName: String)? = nil,
        doc: String, comment: [String] = [], check: @escaping @Sendable (String) -> Result<Value, SettingProblem>
    ) -> Setting {
        Setting(info: SettingInfo(key: key, doc: doc, comment: comment, defaultValue: nil, exampleLine: .sample(sample),
                                  heading: heading, flag: flag),
                apply: { settings, text in store(check(text).map { Optional($0) }, at: path, in: &settings) })
    }

    /// A whole number from `range`.
    static func number(
        _ key: String, _ path: WritableKeyPath<Settings, Int> & Sendable, default defaultValue: Int, in range: ClosedRange<Int>,
        _ exampleLine: SettingInfo.ExampleLine = .active, heading: String? = nil, doc: String, comment: [String] = []
    ) -> Setting {
        value(key, path, default: String(defaultValue), exampleLine, heading: heading, doc: doc, comment: comment) { text in
            checked(Int(text).flatMap { range.contains($0) ? $0 : nil },
                    or: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    /// `yes` or `no`.
    static func yesNo(
        _ key: String, _ path: WritableKeyPath<Settings, Bool> & Sendable, default defaultValue: Bool,
        _ exampleLine: SettingInfo.ExampleLine = .active, heading: String? = nil, doc: String, comment: [String] = []
    ) -> Setting {
        value(key, path, default: defaultValue ? "yes" : "no", exampleLine, heading: heading, doc: doc, comment: comment) {
            checked(["yes": true, "no": false][$0], or: "expected yes or no")
        }
    }

    private static func store<Value>(_ checked: Result<Value, SettingProblem>, at path: WritableKeyPath<Settings, Value>,
                                     in settings: inout Settings) -> String? {
        switch checked {
        case .success(let value):
            settings[keyPath: path] = value
            return nil
        case .failure(let problem):
            return problem.message
        }
    }
}

/// What is wrong with a setting's text, in plain words: `expected 4 to 12 digits`.
struct SettingProblem: Error, Equatable {
    let message: String
}

/// `value`, or the problem `message` when there is none: the usual shape of a setting's check.
func checked<Value>(_ value: Value?, or message: String) -> Result<Value, SettingProblem> {
    value.map { .success($0) } ?? .failure(SettingProblem(message: message))
}
