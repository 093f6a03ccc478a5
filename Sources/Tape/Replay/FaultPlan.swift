/// The faults of a configuration, resolved against one cassette: which interactions each
/// target covers, checked once when the player is made, so that a fault naming nothing is
/// an error rather than a silent no-op, and finding a request's fault costs no scan.
struct FaultPlan: Sendable {
  /// One fault: its target and its overlay.
  struct Fault: Sendable {
    var target: FaultTarget
    var overlay: FaultOverlay

    /// Whether its plays count the requests matching a pattern, rather than the plays of
    /// one interaction.
    var countsRequests: Bool {
      if case .request = target.kind { return true }
      return false
    }
  }

  /// The faults, in the order they are tried (``FaultTarget``'s order).
  let faults: [Fault]
  /// For each interaction with faults, the positions in `faults` that cover it.
  private let byInteraction: [Int: [Int]]

  /// Resolves `faults` against the recorded requests; `file` names the cassette in errors.
  init(
    _ faults: [FaultTarget: FaultOverlay], snapshots: [RequestSnapshot], file: String
  ) throws(CassetteError) {
    let ordered = faults.sorted { $0.key < $1.key }
    var byInteraction: [Int: [Int]] = [:]
    for (position, fault) in ordered.enumerated() {
      let covered: [Int]
      switch fault.key.kind {
      case .interaction(let index):
        guard snapshots.indices.contains(index) else {
          throw CassetteError(
            file: file,
            problem: .invalidFault(
              "the fault for interaction #\(index) names no interaction: the cassette has "
                + (snapshots.isEmpty ? "none" : "#0...#\(snapshots.count - 1)")))
        }
        covered = [index]
      case .request:
        covered = snapshots.indices.filter {
          fault.key.matches(method: snapshots[$0].method, path: snapshots[$0].path)
        }
        guard !covered.isEmpty else {
          throw CassetteError(
            file: file,
            problem: .invalidFault(
              "the fault for \(fault.key) matches no recorded request; "
                + Self.recordedRequests(snapshots)))
        }
      }
      for index in covered { byInteraction[index, default: []].append(position) }
    }
    self.faults = ordered.map { Fault(target: $0.key, overlay: $0.value) }
    self.byInteraction = byInteraction
  }

  /// The overlay for the `play`-th play of interaction `index`, counting a hit for every
  /// request fault that covers it in `hits` (one counter per fault).
  func overlay(forInteraction index: Int, play: Int, hits: inout [Int]) -> FaultOverlay? {
    guard let positions = byInteraction[index] else { return nil }
    var chosen: FaultOverlay?
    for position in positions {
      let fault = faults[position]
      var count = play
      if fault.countsRequests {
        hits[position] += 1
        count = hits[position]
      }
      if chosen == nil, fault.overlay.play.map({ $0 == count }) ?? true {
        chosen = fault.overlay
      }
    }
    return chosen
  }

  /// `the cassette's requests are GET /a (#0, #2), POST /b (#1)`, at most 10 of them.
  private static func recordedRequests(_ snapshots: [RequestSnapshot]) -> String {
    guard !snapshots.isEmpty else { return "the cassette has no interactions" }
    var order: [String] = []
    var indices: [String: [Int]] = [:]
    for (index, snapshot) in snapshots.enumerated() {
      let request = "\(snapshot.method) \(snapshot.path)"
      if indices[request] == nil { order.append(request) }
      indices[request, default: []].append(index)
    }
    let shown = order.prefix(10).map { request in
      let list = indices[request, default: []]
      let numbers = list.prefix(3).map { "#\($0)" }.joined(separator: ", ")
      return "\(request) (\(numbers)\(list.count > 3 ? ", ..." : ""))"
    }
    let more = order.count > 10 ? ", and \(order.count - 10) more" : ""
    return "the cassette's requests are " + shown.joined(separator: ", ") + more
  }
}
