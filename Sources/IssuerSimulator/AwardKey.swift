/// What the simulator looks awards up by.
struct AwardKey: Hashable {
    var api: String
    var badge: String
    var email: String

    init(api: String, badge: String, email: String) {
        self.api = api
        self.badge = badge
        self.email = email.lowercased()
    }
}
