/// Why the simulator refused a request's shape.
struct SimulatorRefusal: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
