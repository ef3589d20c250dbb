import Issuers
import KioskStore

/// Acceptance checks as the service runs them (docs/ARCHITECTURE.md §4.9).
extension KioskService {
    /// Starts asking `issuer` (the forwarder's, so both share one sign-in token) whether learners
    /// accepted their sent awards. For an issuer that cannot tell (Badgr), or none, nothing runs and
    /// nothing is asked. Stop it before closing the store.
    public func startAcceptanceChecks(issuer: (any IssuerAdapter)?, log: @escaping @Sendable (String) -> Void) -> AcceptancePoller {
        let poller = AcceptancePoller(store: store, issuer: issuer, settings: configuration.acceptanceSettings, log: log)
        poller.start()
        return poller
    }
}
