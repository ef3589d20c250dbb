import KioskCore
import KioskStore

/// Copies the issuer's badge catalogue into the local store (`badges sync`, `POST /api/v1/badges/sync`).
public enum CatalogueSync {
    /// Fetches every badge from `issuer` and adds or updates each in `store`, in one commit.
    /// Badges the issuer no longer lists stay, since past sessions still name them.
    public static func run(from issuer: any IssuerAdapter, into store: KioskStore) throws -> [Badge] {
        let badges = try issuer.catalogue()
        try store.upsertBadges(badges)
        return badges
    }
}
