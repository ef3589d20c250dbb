@preconcurrency import Glibc
import Posix

extension Terminal {
    /// What woke `waitForInput`.
    public struct Readiness: Equatable, Sendable {
        public var input: Bool
        public var wake: Bool
        /// The input side hung up (the terminal went away).
        public var hangUp: Bool
    }

    /// Blocks until input arrives, `wakeFD` is readable, or `timeoutMilliseconds` pass (-1: no limit).
    /// Nothing runs while it waits: this is where the front sits at 0% CPU.
    public func waitForInput(wakeFD: Int32, timeoutMilliseconds: Int32) throws(SystemError) -> Readiness {
        var fds = [pollfd(fd: input, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
        let count = fds.count
        _ = try fds.withUnsafeMutableBufferPointer { buffer in
            systemCall("poll") { poll(buffer.baseAddress, nfds_t(count), timeoutMilliseconds) }
        }.get()
        let hangUp = fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds[0].revents & Int16(POLLIN) == 0
        return Readiness(input: fds[0].revents & Int16(POLLIN) != 0, wake: fds[1].revents & Int16(POLLIN) != 0,
                         hangUp: hangUp)
    }

    /// Reads what input is waiting (after `waitForInput` said there is some); empty at end of input.
    public func readInput() throws(SystemError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let descriptor = input
        let count = try buffer.withUnsafeMutableBytes { raw in
            systemCall("read") { Glibc.read(descriptor, raw.baseAddress, raw.count) }
        }.get()
        return Array(buffer[..<count])
    }
}
