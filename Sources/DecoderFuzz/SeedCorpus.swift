import Foundation
import JSONTree

/// The starting documents of a target: its seed files in `corpus/<api>/seeds` (chosen by the
/// HTTP status that ends their name) plus its built-in seeds. A text seed (the CPTS 501
/// bare string) becomes a JSON string document.
public enum SeedCorpus {
  /// The HTTP status a seed file was documented with, from its name (`...-400.json`).
  public static func documentedStatus(ofSeedNamed name: String) -> Int? {
    let stem = name.split(separator: ".").first ?? ""
    return stem.split(separator: "-").last.flatMap { Int($0) }
  }

  /// The seed files of `target` below `corpusDirectory`.
  public static func seedFiles(of target: FuzzTarget, in corpusDirectory: URL) -> [URL] {
    let directory = corpusDirectory.appending(path: target.corpusKey).appending(path: "seeds")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().filter { name in
      guard let status = documentedStatus(ofSeedNamed: name) else { return false }
      return (status >= 400) == (target.seedSelection == .error)
    }.map { directory.appending(path: $0) }
  }

  /// The starting cases of `target`: seed files, then built-in seeds.
  public static func cases(of target: FuzzTarget, in corpusDirectory: URL) -> [FuzzCase] {
    var documents: [JSONValue] = []
    for url in seedFiles(of: target, in: corpusDirectory) {
      guard let data = try? Data(contentsOf: url) else { continue }
      if let tree = try? JSONParser().parse(data) {
        documents.append(tree)
      } else {
        let text = String(decoding: data, as: UTF8.self)
        documents.append(.string(text.trimmingCharacters(in: .whitespacesAndNewlines)))
      }
    }
    documents += target.builtInSeeds.compactMap { try? JSONParser().parse($0) }
    return documents.map { FuzzCase(document: $0, schema: target.schema) }
  }
}
