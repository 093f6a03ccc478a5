// The libFuzzer entry point of the decoding fuzzer's targets. Build and run it with
//
//   swift build -c release --sanitize=fuzzer -Xswiftc -DLIBFUZZER --product fuzz-target \
//     --scratch-path .build-fuzzer
//   TAPE_FUZZ_TARGET=insight .build-fuzzer/release/fuzz-target corpus/insight/seeds
//
// (`-Xswiftc -sanitize=fuzzer` instead of `--sanitize=fuzzer` silently builds a program
// that does nothing.) Without -DLIBFUZZER this builds a stub, so `swift build` is unaffected.

#if LIBFUZZER
  import DecoderFuzz
  import Foundation
  import JSONTree

  /// The target named by `TAPE_FUZZ_TARGET`, else by the program's name (`fuzz-insight`, as
  /// .clusterfuzzlite/build.sh installs one copy per target), else `check`.
  let selectedTarget: FuzzTarget = {
    let program = URL(fileURLWithPath: CommandLine.arguments.first ?? "").lastPathComponent
    let fromName = program.hasPrefix("fuzz-") ? String(program.dropFirst(5)) : nil
    let name =
      ProcessInfo.processInfo.environment["TAPE_FUZZ_TARGET"]
      ?? fromName.flatMap { FuzzTargetRegistry.target(named: $0) == nil ? nil : $0 } ?? "check"
    guard let target = FuzzTargetRegistry.target(named: name) else {
      fatalError("TAPE_FUZZ_TARGET=\(name) is not one of the fuzz targets")
    }
    return target
  }()

  /// Runs one input; a finding of any class aborts, which libFuzzer reports as a crash.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let finding = selectedTarget.execute(bytes).finding {
      FileHandle.standardError.write(Data("tape finding: \(finding)\n".utf8))
      abort()
    }
    return 0
  }

  /// The same structure-aware mutator as `tape fuzz`, as libFuzzer's custom mutator.
  @_cdecl("LLVMFuzzerCustomMutator")
  public func fuzzCustomMutator(
    _ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maximumSize: Int, _ seed: CUnsignedInt
  ) -> Int {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let document =
      (try? JSONParser().parse(bytes))
      ?? selectedTarget.builtInSeeds.first.flatMap { try? JSONParser().parse($0) } ?? .object([])
    var random = FuzzRandom(seed: UInt64(seed))
    let mutated = Mutator()
      .mutate(FuzzCase(document: document, schema: selectedTarget.schema), using: &random).bytes()
    let count = min(mutated.count, maximumSize)
    mutated.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: count) }
    return count
  }
#else
  /// Without `-DLIBFUZZER`: explains how to build the real entry point.
  @main
  struct FuzzTargetStub {
    static func main() {
      print(
        """
        fuzz-target is a libFuzzer entry point; build it with
          swift build -c release --sanitize=fuzzer -Xswiftc -DLIBFUZZER --product fuzz-target \\
            --scratch-path .build-fuzzer
        and run it with TAPE_FUZZ_TARGET=<target> .build-fuzzer/release/fuzz-target <corpus-dir>
        """)
    }
  }
#endif
