/// Whether a claim code is a session's QR code or one of its printed single-use slips.
enum CodeKind: String {
    case session, slip
}
