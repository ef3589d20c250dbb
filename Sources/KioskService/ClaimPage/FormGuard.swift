import HTTPCore
import KioskCore

/// Keeps other sites from posting the claim page's forms.
///
/// `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on our own posts, so the
/// Origin header cannot tell us apart from a stranger. Instead each form carries a signature:
/// HMAC-SHA256 of the claim code under a key derived from the staff token, which lives in the
/// state directory, so signatures survive a restart and another site cannot make one. Browsers
/// that send `Sec-Fetch-Site` also have cross-site posts refused outright.
struct FormGuard: Sendable {
    private let key: [UInt8]

    init(secret: String) {
        key = SHA256.hash(Array("badgekiosk claim page forms\n\(secret)".utf8))
    }

    /// The signature the page's forms carry for this code token.
    func signature(for token: String) -> String {
        let mac = SHA256.hmac(key: key, message: Array(token.utf8)).prefix(16)
        return mac.reduce(into: "") { text, byte in
            text += String(byte >> 4, radix: 16)
            text += String(byte & 0x0F, radix: 16)
        }
    }

    /// Whether a post for `token` came from one of our pages.
    func allows(_ request: HTTPRequest, signature: String, token: String) -> Bool {
        if let site = request.headers["Sec-Fetch-Site"], site != "same-origin", site != "none" { return false }
        return ConstantTime.equal(signature, self.signature(for: token))
    }
}
