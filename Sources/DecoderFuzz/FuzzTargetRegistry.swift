import CloudProgress

/// The fuzz targets the command and the tests share: each model of the five APIs with its
/// normalization to `TaskProgress`, and each API's error bodies. Adding a model adds one line.
public enum FuzzTargetRegistry {
  /// Every standard target.
  public static let standard: [FuzzTarget] = [
    .response(PerfTestUploadProcessResponse.self, api: .cpts, schema: .cpts),
    .response(InsightImportTask.self, api: .insight, schema: .insight),
    .response(QualityResourceStatus.self, api: .quality, schema: .quality),
    .response(DRSTemplateImportProgress.self, api: .drs, schema: .drs),
    .response(CheckTaskProgress.self, api: .check, schema: .check),
    .errorBody(api: .cpts),
    .errorBody(api: .insight),
    .errorBody(api: .quality),
    .errorBody(api: .drs),
    .errorBody(api: .check),
  ]

  /// The target named `name` among `targets`.
  public static func target(named name: String, in targets: [FuzzTarget] = standard)
    -> FuzzTarget?
  {
    targets.first { $0.name == name }
  }
}
