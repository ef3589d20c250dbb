import Dispatch
import Foundation
import HTTPCore

/// One request being answered: sends the answer (now, later, or never) and logs it once.
struct SimulatorExchange: Sendable {
    let request: HTTPRequest
    let writer: any HTTPResponseWriter
    let state: SimulatorState
    let log: (@Sendable (String) -> Void)?
    /// A fault already decided for this request (a slow answer), logged with whatever is sent.
    var fault: FaultSpec.Fault?

    /// A JSON answer: `body` is a JSON object or array.
    func json(_ status: Int, _ body: Any, headers: [(String, String)] = [], fault: FaultSpec.Fault? = nil) {
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        send(status, [UInt8](data), contentType: "application/json", headers: headers, fault: fault)
    }

    /// One JSON object per line, as OBF lists.
    func lines(_ objects: [[String: Any]], fault: FaultSpec.Fault? = nil) {
        var text = ""
        for object in objects {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            text += String(decoding: data, as: UTF8.self) + "\n"
        }
        send(200, Array(text.utf8), contentType: "application/json", headers: [], fault: fault)
    }

    func send(_ status: Int, _ body: [UInt8], contentType: String, headers: [(String, String)], fault: FaultSpec.Fault?) {
        record(status, fault)
        var fields = HTTPHeaders([("Content-Type", contentType), ("Date", HTTPDate.format(Int64(state.now.rounded(.down))))])
        for (name, value) in headers { fields.add(name, value) }
        writer.send(HTTPResponse(status: HTTPStatus(code: status), headers: fields, body: body))
    }

    /// Sends `answer` after `seconds`.
    func later(_ seconds: Double, fault: FaultSpec.Fault, _ answer: @escaping @Sendable (SimulatorExchange) -> Void) {
        var copy = self
        copy.fault = fault
        let delayed = copy
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { answer(delayed) }
    }

    /// Never answers; drops the connection after `seconds` so held connections do not pile up forever.
    func hold(_ seconds: Double, fault: FaultSpec.Fault) {
        record(0, fault)
        let writer = writer
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { writer.abort() }
    }

    /// Closes the connection without a word.
    func reset(fault: FaultSpec.Fault) {
        record(0, fault)
        writer.abort()
    }

    private func record(_ status: Int, _ given: FaultSpec.Fault?) {
        let fault = given ?? self.fault
        state.log(SimulatedRequest(at: state.seconds(at: request.receivedAt), method: request.method,
                                   path: request.path, status: status, fault: fault,
                                   numberOnConnection: request.numberOnConnection))
        log?("\(request.method) \(request.path) \(status == 0 ? "-" : String(status))\(fault.map { " [fault \($0)]" } ?? "")")
    }
}
