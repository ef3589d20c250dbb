import Dispatch
import HTTPCore
import KioskAPI
import Issuers
import KioskCore
import KioskStore

/// Forwarding to the issuer as the service shows it: the forwarder's life, the outbox view, retries, sync.
extension KioskService {
    /// Starts the outbox forwarder for the configured issuer (with none, it only runs the retention purge
    /// and awards stay queued). Stop it before closing the store.
    public func startForwarding(log: @escaping @Sendable (String) -> Void) throws -> Forwarder {
        let issuer = try configuration.issuerSettings().map { makeIssuerAdapter($0) }
        let events = events
        let forwarder = Forwarder(store: store, issuer: issuer, settings: configuration.forwarderSettings,
                                  onChange: { Self.publish($0, to: events) }, log: log)
        try forwarder.start()
        attach(forwarder)
        return forwarder
    }

    /// Uses `forwarder` for wake-ups, the outbox view, retries and catalogue sync.
    public func attach(_ forwarder: Forwarder) {
        forwarding.withLock { $0 = forwarder }
    }

    /// `GET /api/v1/outbox`: counts by state, the oldest queued award's age, the last errors, and
    /// whether the forwarder is sending, paused (and why) or has no issuer.
    func outboxStatus() throws(APIError) -> HTTPResponse {
        let summary = try read { try store.outboxSummary() }
        let status = forwarding.withLock { $0 }?.status
        return JSON.response(.ok, OutboxStatusReply(summary, status: status, now: .now()))
    }

    /// `POST /api/v1/outbox/{id}/retry`: queues a parked award to go now.
    func retryAward(_ text: Substring, _ writer: any HTTPResponseWriter) throws(APIError) {
        guard let id = Int64(text), id > 0 else { throw Self.awardNotFound }
        let forwarder = forwarding.withLock { $0 }
        store.retryAward(id, at: .now()) { result in
            switch result {
            case .success(.queued):
                forwarder?.wake()
                writer.send(JSON.response(.ok, AwardReply(id: id, state: Award.State.queued.rawValue)))
            case .success(.notFound):
                writer.send(JSON.response(Self.awardNotFound))
            case .success(.alreadySent):
                writer.send(JSON.response(APIError(.conflict, "already_sent", "The issuer already has this award.")))
            case .success(.inFlight):
                writer.send(JSON.response(APIError(.conflict, "being_sent", "This award is being sent right now.")))
            case .success(.unsure):
                writer.send(JSON.response(APIError(.conflict, "unsure",
                                                   "This award may have reached the issuer already. Check the issuer's "
                                                       + "records, then choose resend or arrived.")))
            case .success(.noEmail):
                writer.send(JSON.response(APIError(.conflict, "no_email",
                                                   "This award is waiting for its learner's email. Add the email to the claim first.")))
            case .failure(let error):
                writer.send(JSON.response(self.storeFailed(error, doing: "queue award \(id) again")))
            }
        }
    }

    /// `POST /api/v1/outbox/{id}/resend` and `…/arrived`: staff checked the issuer's own records for an
    /// unsure award. Resend queues it to go now with no look-up; arrived marks it sent, "confirmed by staff".
    func settleAward(_ text: Substring, _ choice: KioskStore.UnsureChoice, _ writer: any HTTPResponseWriter) throws(APIError) {
        guard let id = Int64(text), id > 0 else { throw Self.awardNotFound }
        let forwarder = forwarding.withLock { $0 }
        let events = events
        store.settleUnsure(id, choice, at: .now()) { result in
            switch result {
            case .success(.settled(let state)):
                if choice == .resend { forwarder?.wake() }
                Self.publish(OutboxChange(awardID: id, state: state), to: events)
                writer.send(JSON.response(.ok, AwardReply(id: id, state: state.rawValue)))
            case .success(.notFound):
                writer.send(JSON.response(Self.awardNotFound))
            case .success(.notUnsure(let state)):
                writer.send(JSON.response(APIError(.conflict, "not_unsure",
                                                   "This award is not waiting for a check: it is \(state.rawValue).")))
            case .failure:
                writer.send(JSON.response(.storeFailed))
            }
        }
    }

    /// The `outbox` live event for an award's new state.
    private static func publish(_ change: OutboxChange, to events: EventHub) {
        events.publish(.outbox, OutboxEvent(award: change.awardID, state: change.state.rawValue))
    }

    /// `POST /api/v1/badges/sync`: fetches the issuer's catalogue off the event loop, then answers the new list.
    func syncBadges(_ writer: any HTTPResponseWriter) throws(APIError) {
        guard let issuer = forwarding.withLock({ $0 })?.issuer else {
            throw APIError(.conflict, "no_issuer",
                           "No issuer is configured, so there is no catalogue to sync. Set issuer, issuer_url, "
                               + "issuer_client_id and issuer_client_secret_file.")
        }
        let store = store
        DispatchQueue.global().async {
            do {
                let badges = try CatalogueSync.run(from: issuer, into: store)
                writer.send(JSON.response(.ok, SyncReply(synced: badges.count, badges: badges.map(BadgeDetail.init))))
            } catch let error as IssuerError {
                writer.send(JSON.response(APIError(.badGateway, "issuer_unavailable",
                                                   "The issuer's catalogue could not be fetched: \(error)")))
            } catch {
                writer.send(JSON.response(self.storeFailed(error, doing: "save the badge catalogue")))
            }
        }
    }

    static let awardNotFound = APIError(.notFound, "award_not_found", "There is no award with that number.")
}
