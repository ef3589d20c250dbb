@preconcurrency import Glibc
import CLinux
import Posix

/// One event-loop thread: an epoll instance, the connections it owns, and a mailbox other threads post to.
///
/// Everything except the mailbox is confined to the loop's thread, which is why the class is
/// `@unchecked Sendable`: other threads only ever call `post` and `submit`.
final class EventLoop: @unchecked Sendable {
    /// epoll data for the wake-up eventfd and the listener; connection ids never have all-ones low bits.
    static let wakeTag: UInt64 = 0xFFFF_FFFF
    static let listenerTag: UInt64 = 0xFFFF_FFFE
    /// Stop dispatching a connection's pipelined requests while this much output is unsent.
    static let outputHighWater = 1 << 20
    /// Close a streaming connection whose unsent output grows past this (the client stopped reading).
    static let streamBacklogLimit = 4 << 20
    /// How long a closing connection keeps draining the client's input so our last response is not reset.
    static let lingerTime: UInt64 = 2_000_000_000
    /// Connections accepted past a limit and still being told 503; past this many, the next is
    /// answered and closed at once instead of lingering.
    static let maxRejectedOpen = 64

    private struct Mailbox {
        var messages: [LoopMessage] = []
        var closed = false
    }

    let shared: ServerShared
    /// Its place among the server's loops; the listener's loop is 0.
    let index: Int
    let epollFD: Int32
    let wakeFD: Int32
    private let mailbox = Locked(Mailbox())
    private var thread: pthread_t = 0

    var connections: [Connection?] = []
    var openCount = 0
    var rejectedOpen = 0
    var listener: Int32 = -1
    /// Held in reserve by the listener's loop, for telling clients 503 when descriptors run out.
    var spareFD: Int32 = -1
    /// While non-zero, the listener is not watched until this time (see `pauseAccepting`).
    var acceptPausedUntil: UInt64 = 0
    /// The listener's loop deals connections to itself and to these, the server's other loops.
    /// Never itself: a loop holding itself would never be freed, nor its descriptors closed.
    var others: [EventLoop] = []
    var nextPeer = 0
    var heap = DeadlineHeap()
    var dirty: [Connection] = []
    var now: UInt64 = MonotonicClock.nanoseconds()
    var draining = false
    var drainDeadline: UInt64 = 0
    var finished = false
    var generation: UInt32 = 0
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)

    init(shared: ServerShared, index: Int) throws(SystemError) {
        self.shared = shared
        self.index = index
        epollFD = try retryingEINTR("epoll_create1") { epoll_create1(CLinux_EPOLL_CLOEXEC) }
        do {
            wakeFD = try retryingEINTR("eventfd") { eventfd(0, CLinux_EFD_NONBLOCK | CLinux_EFD_CLOEXEC) }
        } catch {
            FileDescriptor.close(epollFD)
            throw error
        }
        do {
            try register(wakeFD, events: CLinux_EPOLLIN, tag: Self.wakeTag)
        } catch {
            FileDescriptor.close(wakeFD)
            FileDescriptor.close(epollFD)
            throw error
        }
    }

    deinit {
        readBuffer.deallocate()
        if spareFD >= 0 { FileDescriptor.close(spareFD) }
        FileDescriptor.close(wakeFD)
        FileDescriptor.close(epollFD)
    }

    func register(_ fd: Int32, events: UInt32, tag: UInt64) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = tag
        try retryingEINTR("epoll_ctl(ADD)") { epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) }
    }

    /// Makes this the loop that accepts on `listener` (already registered) and deals connections to `others`.
    func takeListener(_ listener: Int32, others: [EventLoop]) {
        self.listener = listener
        self.others = others
        spareFD = Self.openSpare()
    }

    // MARK: Thread

    func startThread() throws(SystemError) {
        let box = Unmanaged.passRetained(self).toOpaque()
        let result = pthread_create(&thread, nil, { argument in
            let loop = Unmanaged<EventLoop>.fromOpaque(argument!).takeRetainedValue()
            loop.run()
            return nil
        }, box)
        if result != 0 {
            Unmanaged<EventLoop>.fromOpaque(box).release()
            throw SystemError(call: "pthread_create", code: result)
        }
    }

    func joinThread() {
        pthread_join(thread, nil)
    }

    private var isLoopThread: Bool { pthread_equal(thread, pthread_self()) != 0 }

    // MARK: Mailbox

    /// Hands `message` to the loop: applied at once when called on the loop's own thread with
    /// nothing queued ahead of it (the usual synchronous answer), otherwise queued in order.
    func submit(_ message: LoopMessage) {
        guard isLoopThread else {
            post(message)
            return
        }
        let direct = mailbox.withLock { mailbox -> Bool? in
            if mailbox.closed { return nil }
            if mailbox.messages.isEmpty { return true }
            mailbox.messages.append(message)
            return false
        }
        switch direct {
        case true?: handle(message)
        case false?: break
        case nil: dropped(message)
        }
    }

    /// Queues `message` and wakes the loop; the eventfd is written under the lock so it cannot
    /// race with the loop closing it.
    func post(_ message: LoopMessage) {
        let queued = mailbox.withLock { mailbox -> Bool in
            if mailbox.closed { return false }
            mailbox.messages.append(message)
            if mailbox.messages.count == 1 {
                var one: UInt64 = 1
                _ = try? retryingEINTR("write(eventfd)") { write(wakeFD, &one, 8) }
            }
            return true
        }
        if !queued { dropped(message) }
    }

    private func drainMailbox() {
        while true {
            let batch = mailbox.withLock { mailbox -> [LoopMessage] in
                defer { mailbox.messages = [] }
                return mailbox.messages
            }
            if batch.isEmpty { return }
            for message in batch { handle(message) }
        }
    }

    func handle(_ message: LoopMessage) {
        switch message {
        case .response(let context, let response): complete(context, response)
        case .abort(let context): abort(context)
        case .streamHead(let context, let head, let stream): startStream(context, head, stream)
        case .streamData(let stream, let bytes): streamData(stream, bytes)
        case .streamEnd(let stream): endStream(stream)
        case .adopt(let fd, let address): adopt(fd, address, counted: true)
        case .shed(let address): shed(address)
        case .shutdown(let deadline): beginDrain(deadline)
        }
    }

    /// A message for a loop that has stopped: answers are still logged, sockets still released.
    private func dropped(_ message: LoopMessage) {
        switch message {
        case .response(let context, let response):
            shared.report(context, status: response.status.code, at: MonotonicClock.nanoseconds())
        case .streamHead(let context, let head, let stream):
            shared.report(context, status: head.status.code, at: MonotonicClock.nanoseconds())
            stream.markClosed()
        case .adopt(let fd, let address):
            FileDescriptor.close(fd)
            shared.release(address, loop: index)
        case .abort, .streamData, .streamEnd, .shed, .shutdown:
            break
        }
    }

    // MARK: Running

    private func run() {
        let capacity = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while !finished {
            now = MonotonicClock.nanoseconds()
            let timeout = waitTimeout()
            guard let count = try? retryingEINTR("epoll_wait", { epoll_wait(epollFD, events, Int32(capacity), timeout) }) else {
                break
            }
            now = MonotonicClock.nanoseconds()
            for index in 0..<Int(count) {
                let event = events[index]
                dispatch(event.events, event.data.u64)
            }
            drainMailbox()
            processDirty()
            fireDeadlines()
            processDirty()
            resumeAcceptingIfDue()
            if draining && (openCount == 0 || now >= drainDeadline) { finished = true }
        }
        stop()
    }

    /// Milliseconds until the nearest deadline; -1 (sleep until woken) when there is none.
    private func waitTimeout() -> Int32 {
        if !dirty.isEmpty { return 0 }
        var next = heap.first?.deadline ?? UInt64.max
        if draining { next = min(next, drainDeadline) }
        if acceptPausedUntil != 0 { next = min(next, acceptPausedUntil) }
        if next == UInt64.max { return -1 }
        if next <= now { return 0 }
        return Int32(min((next - now + 999_999) / 1_000_000, UInt64(Int32.max)))
    }

    private func dispatch(_ events: UInt32, _ tag: UInt64) {
        if tag == Self.wakeTag {
            var value: UInt64 = 0
            _ = try? retryingEINTR("read(eventfd)") { read(wakeFD, &value, 8) }
            return
        }
        if tag == Self.listenerTag {
            acceptConnections()
            return
        }
        guard let connection = connection(tag) else { return }
        if events & (CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 && !connection.reading {
            close(connection)
            return
        }
        if events & (CLinux_EPOLLIN | CLinux_EPOLLERR | CLinux_EPOLLHUP) != 0 {
            readable(connection)
        }
        if events & CLinux_EPOLLOUT != 0 && !connection.closed {
            flush(connection)
            if !connection.closed { arm(connection) }
        }
    }

    func connection(_ id: UInt64) -> Connection? {
        let fd = Int(id & 0xFFFF_FFFF)
        guard fd < connections.count, let connection = connections[fd], connection.id == id else { return nil }
        return connection
    }

    func markDirty(_ connection: Connection) {
        if connection.advancing || connection.isDirty { return }
        connection.isDirty = true
        dirty.append(connection)
    }

    private func processDirty() {
        while let connection = dirty.popLast() {
            connection.isDirty = false
            if !connection.closed { advance(connection) }
        }
    }

    private func beginDrain(_ deadline: UInt64) {
        draining = true
        drainDeadline = deadline
        if listener >= 0 {
            FileDescriptor.close(listener)
            listener = -1
        }
        for case let connection? in connections where !connection.inFlight && !connection.hasPendingOutput && !connection.lingering {
            close(connection)
        }
    }

    /// Closes whatever is left and refuses further messages, logging answers that arrive too late.
    private func stop() {
        if listener >= 0 {
            FileDescriptor.close(listener)
            listener = -1
        }
        for case let connection? in connections { close(connection) }
        let leftovers = mailbox.withLock { mailbox -> [LoopMessage] in
            mailbox.closed = true
            defer { mailbox.messages = [] }
            return mailbox.messages
        }
        for message in leftovers { dropped(message) }
    }
}
