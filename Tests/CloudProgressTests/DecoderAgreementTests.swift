import CloudProgress
import Foundation
import Testing

/// The safe entry point and a bare Foundation `JSONDecoder` read the models' own
/// `init(from:)` through different decoders: on the documented answers and on every
/// member's value replaced by each JSON kind, they agree (same model, anomalies included,
/// or both refuse the document).
@Suite("Models: the safe entry point and JSONDecoder agree")
struct DecoderAgreementTests {
  /// What each member's value is replaced by, one at a time: every JSON kind, the empty
  /// string, and a number and a boolean written as strings.
  static var replacements: [Any] {
    [
      NSNull(), 7, -3, true, false, "", "x", "12", "true", [String: Any](), [Any](), ["a"],
      ["k": 1],
    ]
  }

  static let seeds: [(String, any TaskProgressReporting.Type)] = [
    ("cpts/seeds/show-process-200.json", PerfTestUploadProcessResponse.self),
    ("insight/seeds/import-task-200.json", InsightImportTask.self),
    ("quality/seeds/synthesized-status-200.json", QualityResourceStatus.self),
    ("drs/seeds/template-progress-200.json", DRSTemplateImportProgress.self),
    ("check/seeds/task-progress-200.json", CheckTaskProgress.self),
  ]

  @Test(
    "each model, on its seed and on every member's value replaced by each kind", arguments: 0..<5)
  func agreement(seed: Int) throws {
    let (path, model) = Self.seeds[seed]
    let document = try JSONSerialization.jsonObject(with: try corpusFile(path))
    var variants = [document]
    Self.replacingEachValue(in: document) { variants.append($0) }
    #expect(variants.count > 20)
    var decodedBoth = 0
    for variant in variants {
      let data = try JSONSerialization.data(withJSONObject: variant, options: [.sortedKeys])
      let text = String(decoding: data, as: UTF8.self)
      switch (Self.decode(model, data, safely: true), Self.decode(model, data, safely: false)) {
      case (.some(let safe), .some(let foundation)):
        decodedBoth += 1
        #expect(safe == foundation, "\(text)")
      case (.none, .none):
        break
      case (let safe, let foundation):
        let verdicts = (
          safe == nil ? "refused" : "decoded", foundation == nil ? "refused" : "decoded"
        )
        Issue.record(
          "\(text): the safe entry point \(verdicts.0), JSONDecoder \(verdicts.1)")
      }
    }
    #expect(decodedBoth > 1)
  }

  /// The model decoded, as a hashable value, or nil when the decoder refused it.
  static func decode(
    _ model: any TaskProgressReporting.Type, _ data: Data, safely: Bool
  ) -> AnyHashable? {
    func open<Model: TaskProgressReporting>(_ type: Model.Type) -> AnyHashable? {
      safely
        ? (try? Model(jsonData: data)).map(AnyHashable.init)
        : (try? JSONDecoder().decode(Model.self, from: data)).map(AnyHashable.init)
    }
    return open(model)
  }

  /// Calls `found` with `value` rewritten once for each member or element and each
  /// replacement, at any depth.
  static func replacingEachValue(in value: Any, _ found: (Any) -> Void) {
    if let object = value as? [String: Any] {
      for (key, member) in object {
        for replacement in replacements {
          var copy = object
          copy[key] = replacement
          found(copy)
        }
        replacingEachValue(in: member) { inner in
          var copy = object
          copy[key] = inner
          found(copy)
        }
      }
    } else if let array = value as? [Any] {
      for (index, element) in array.enumerated() {
        replacingEachValue(in: element) { inner in
          var copy = array
          copy[index] = inner
          found(copy)
        }
      }
    }
  }
}
