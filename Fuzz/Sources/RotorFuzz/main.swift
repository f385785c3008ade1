// The libFuzzer executable for every harness: `RotorFuzz NAME [libFuzzer arguments…]`, where NAME is one of
// `FuzzHarness.all` (the properties live in RotorProtocolFuzzing; see Fuzz/README.md).
import FuzzerDriver
import RotorProtocolFuzzing

/// The harness chosen on the command line. libFuzzer takes a plain C function as its target, which cannot
/// capture a value, so the choice is kept here; it is written once, before fuzzing starts.
nonisolated(unsafe) var selectedHarness: FuzzHarness?

/// The entry point SwiftPM links as `main` (`--defsym main=<module>_main`); it hands over to libFuzzer.
@_cdecl("RotorFuzz_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    let names = FuzzHarness.all.map(\.name).joined(separator: " ")
    guard argc >= 2, let argument = argv[1], let harness = FuzzHarness.named(String(cString: argument)) else {
        print("usage: RotorFuzz HARNESS [libFuzzer arguments…]\nharnesses: \(names)")
        return 2
    }
    selectedHarness = harness
    // libFuzzer sees the program name followed by its own arguments.
    argv[1] = argv[0]
    return rotor_fuzzer_main(argc - 1, argv + 1) { data, size in
        selectedHarness!.check(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
}
