@preconcurrency import Glibc

/// A failed system call: which call, and the errno it left.
public struct SystemError: Error, Equatable, CustomStringConvertible {
    /// The name of the call that failed, for messages.
    public let call: String
    /// The errno value the call left.
    public let code: Int32

    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// True when a non-blocking call found nothing to do yet.
    public var wouldBlock: Bool { code == EAGAIN || code == EWOULDBLOCK }

    public var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// Runs one system call, retrying while it is interrupted by a signal (EINTR).
///
/// Every system call in badgekiosk goes through here, so a signal arriving at the wrong
/// moment (SIGWINCH, SIGCHLD, the watchdog timer) never surfaces as a spurious failure.
/// A result of -1 means failure; anything else is returned as it is.
@discardableResult
@inline(__always)
public func retryingEINTR<Result: FixedWidthInteger>(
    _ call: @autoclosure () -> String,
    _ body: () -> Result
) throws(SystemError) -> Result {
    try systemCall(call(), body).get()
}

/// `retryingEINTR` for callers that expect some failures (ENOENT, EAGAIN): the outcome as a value.
@inline(__always)
public func systemCall<Value: FixedWidthInteger>(
    _ call: @autoclosure () -> String,
    _ body: () -> Value
) -> Result<Value, SystemError> {
    while true {
        let value = body()
        if value != -1 { return .success(value) }
        let code = errno
        if code == EINTR { continue }
        return .failure(SystemError(call: call(), code: code))
    }
}
