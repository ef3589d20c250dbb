#if FUZZING
@preconcurrency import Glibc
#endif

/// The code a fuzzing run drives, named by `BADGEKIOSK_FUZZ_TARGET` (`.ci/fuzz` sets it).
///
/// One program holds every target so the fuzz build links once; libFuzzer calls
/// `LLVMFuzzerTestOneInput` with each input, and a crash or a failed check is a finding.
/// Built without `-DFUZZING` (a plain `swift build`), nothing here is called.
enum FuzzTarget: String, CaseIterable {
    case requestParser = "request-parser"
    case claimInput = "claim-input"
    case configFile = "config-file"
    case keyDecoder = "key-decoder"

    static let environmentKey = "BADGEKIOSK_FUZZ_TARGET"

    #if DEBUG || FUZZING
    /// Runs one input through this target's code.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .requestParser: RequestParserFuzz.run(bytes)
        case .claimInput: ClaimInputFuzz.run(bytes)
        case .configFile: ConfigFileFuzz.run(bytes)
        case .keyDecoder: KeyDecoderFuzz.run(bytes)
        }
    }
    #endif
}

#if FUZZING
private let selectedTarget: FuzzTarget = {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    guard let name = getenv(FuzzTarget.environmentKey).map({ String(cString: $0) }) else {
        fatalError("Set \(FuzzTarget.environmentKey) to one of: \(names).")
    }
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("\(FuzzTarget.environmentKey)=\(name) is not a fuzz target; the targets are: \(names).")
    }
    return target
}()

/// libFuzzer's entry point: one input, run through the chosen target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selectedTarget.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#endif
