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

  private static let checkOracles = ResponseOracles(
    CheckTaskProgress.self, schema: .check, pollingSequences: DocumentedPollingSequences.of(.check))

  /// The standard targets plus the planted ones.
  public static let targets = FuzzTargetRegistry.standard + [target, hangTarget]
}
