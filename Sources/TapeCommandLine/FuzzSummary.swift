import DecoderFuzz
import Foundation

/// The table printed at the end of `tape fuzz`, then one line per finding.
enum FuzzSummary {
  /// What the columns mean, and what to do next, for the build that ran and its budget.
  static func legend(build: BuildKind, budgetMilliseconds: Double) -> String {
    let buildLine =
      switch build {
      case .debug:
        "Build: debug (as 'swift run' makes), several times slower than 'swift run -c release'."
      case .release: "Build: release."
      }
    return """

      \(buildLine)
      Budget: \(TimedExecution.describe(budgetMilliseconds, build: build)) of CPU time per input.
      execs: inputs run; execs/s: their rate; accepted / rejected: inputs the model decoded /
      refused with an error (both are fine); findings: distinct problems found (a trap, a
      documented payload rejected, an unstable round trip, an input over the budget), new:
      not yet saved before this run; corpus: inputs kept for new behaviour. Zero findings is
      the good outcome. Findings are saved as <corpus>/<api>/findings/<hash>.json; rerun one
      with 'tape fuzz replay <file>', commit it and swift test replays it.

      """
  }

  static func render(
    _ reports: [TargetReport], seed: UInt64, shard: Shard, build: BuildKind = .current,
    budgetMilliseconds: Double = 250
  ) -> String {
    let header = [
      "target", "execs", "execs/s", "accepted", "rejected", "findings", "new", "corpus",
    ]
    var rows = [header]
    for report in reports {
      rows.append([
        report.target, String(report.executions), String(Int(report.executionsPerSecond)),
        String(report.accepted), String(report.rejected), String(report.findings.count),
        String(report.newFindings), String(report.corpusSize),
      ])
    }
    let total = reports.reduce(into: (0, 0, 0, 0, 0)) { sum, report in
      sum.0 += report.executions
      sum.1 += report.accepted
      sum.2 += report.rejected
      sum.3 += report.findings.count
      sum.4 += report.newFindings
    }
    rows.append([
      "total", String(total.0), "", String(total.1), String(total.2), String(total.3),
      String(total.4), "",
    ])
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    var text = ""
    for row in rows {
      let cells = row.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + padding : padding + cell
      }
      text += cells.joined(separator: "  ") + "\n"
    }
    for report in reports {
      for (index, finding) in report.findings.enumerated() {
        let file = index < report.files.count ? report.files[index].relativePath : "(not saved)"
        let state = report.isNew[index] ? "new" : "known"
        text += "\(state) finding \(file) [\(report.target)]: \(finding.report)\n"
      }
    }
    let unconfirmed = reports.reduce(0) { $0 + $1.unconfirmedSlowInputs }
    if unconfirmed > 0 {
      text += "\(unconfirmed) slow input(s) not slow again on their own: not kept\n"
    }
    text += "seed \(seed), shard \(shard)\n"
    text += legend(build: build, budgetMilliseconds: budgetMilliseconds)
    return text
  }
}
