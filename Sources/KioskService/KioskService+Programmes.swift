import HTTPCore
import KioskAPI
import KioskCore
import KioskStore

extension KioskService {
    /// `POST /api/v1/programmes`: sets up a programme whose completion badge is claimed automatically.
    func createProgramme(_ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        let draft = try JSON.decode(ProgrammeRequest.self, from: request) { body throws(FieldError) in
            try ProgrammeDraft(name: body.name, badgeIDs: body.badges, completionBadgeID: body.completion)
        }
        store.createProgramme(draft, at: .now()) { result in
            switch result {
            case .success(let programme):
                writer.send(JSON.response(.created, ProgrammeReply(programme: .init(programme))))
            case .failure(.notFound(let what)):
                // Checked inside the write, so the catalogue cannot change between the check and the insert.
                writer.send(JSON.response(APIError(.badRequest, "unknown_badge",
                                                   "There is no \(what) in the catalogue. Sync the badges or choose another.")))
            case .failure(let error):
                writer.send(JSON.response(self.storeFailed(error, doing: "save a programme")))
            }
        }
    }

    /// `GET /api/v1/programmes`: every programme, oldest first.
    func listProgrammes() throws(APIError) -> ProgrammesReply {
        ProgrammesReply(programmes: try read { try store.programmes() }.map(ProgrammeDetail.init))
    }
}
