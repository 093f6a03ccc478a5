import Tape

extension DriftInspector {
  /// Reads the answers of the five task-progress APIs (recognised by method and path, on
  /// any host: the cloud, a gateway, a stand-in) against the models of `CloudProgress` and
  /// the documented fields; every other interaction is left out of the report.
  public static let huaweiCloud = DriftInspector { interaction in
    ModelReading(interaction)?.reading
  }
}
