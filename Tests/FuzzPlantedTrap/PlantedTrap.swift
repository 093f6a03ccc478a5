import CloudProgress
import DecoderFuzz
import Foundation

/// A fuzz target with a deliberately planted trap, used only by the tests and the benchmark
/// to prove that the pipeline finds, minimizes, saves and replays a crash.
///
/// It decodes CodeArts Check answers like the real `check` target, but traps (an array
/// index out of range) when `progress.info` holds a NUL character, which the mutator's
/// naughty strings reach within a few thousand inputs.
public enum PlantedTrap {
  /// The planted target, named `planted-trap`.
  public static let target = FuzzTarget(
    name: "planted-trap", corpusKey: "check", seedSelection: .success, schema: .check
  ) { bytes in
    if let answer = try? CheckTaskProgress(jsonData: Data(bytes)),
      let info = answer.progress?.info?.wireValue.stringValue, info.contains("\u{0}")
    {
      let empty: [Int] = []
      return .accepted(signature: "unreachable \(empty[info.utf8.count])")
    }
    return checkOracles.check(bytes)
  }

  /// A target that never answers an input holding the text `hang` (it sleeps for an hour),
  /// named `planted-hang`: the worker must be killed and the input reported as a hang.
  public static let hangTarget = FuzzTarget(
    name: "planted-hang", corpusKey: "check", seedSelection: .success, schema: .check
  ) { bytes in
    if String(decoding: bytes, as: UTF8.self).contains("hang") {
      Thread.sleep(forTimeInterval: 3_600)
    }
    return checkOracles.check(bytes)
  }

  /// A target whose cost is in the input, named `planted-slow`: `spin N sleep M` runs N
  /// steps of a xorshift generator (CPU time in proportion to N) and then sleeps M
  /// milliseconds (wall time, no CPU time); any other input goes to the check oracles.
  /// The sleep stands for a machine too busy to run the input at once: it must not make
  /// an input slow.
  public static let slowTarget = FuzzTarget(
    name: "planted-slow", corpusKey: "check", seedSelection: .success, schema: .check
  ) { bytes in
    let words = String(decoding: bytes, as: UTF8.self).split(separator: " ")
    guard words.count == 4, words[0] == "spin", words[2] == "sleep",
      let steps = Int(words[1]), let sleep = Double(words[3])
    else { return checkOracles.check(bytes) }
    let state = spin(steps)
    if sleep > 0 { Thread.sleep(forTimeInterval: sleep / 1000) }
    return .accepted(signature: "spun \(state & 1)")
  }

  /// Runs `steps` steps of a xorshift generator; the state, so that none is optimized out.
  public static func spin(_ steps: Int) -> UInt64 {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<max(0, steps) {
      state ^= state &<< 13
      state ^= state &>> 7
      state ^= state &<< 17
    }
    return state
  }

  private static let checkOracles = ResponseOracles(
    CheckTaskProgress.self, schema: .check, pollingSequences: DocumentedPollingSequences.of(.check))

  /// The standard targets plus the planted ones.
  public static let targets = FuzzTargetRegistry.standard + [target, hangTarget, slowTarget]
}
