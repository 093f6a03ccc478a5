/// The import state of one CodeArts PerfTest project (`UploadProcessJsonDetail`).
public struct PerfTestUploadDetail: Hashable, Sendable, Codable {
  /// The import progress id (`id`): documented as an Integer (int32 in the Go SDK), read
  /// as any integer that fits an `Int64`.
  @Tolerant public var id: Int64?
  /// The project name (`name`).
  @Tolerant public var name: String?
  /// The project's import state (`status`).
  public var status: PerfTestImportStatus?
  /// Why the import failed (`cause`), empty otherwise.
  @Tolerant public var cause: String?

  /// Creates a detail.
  public init(
    id: Int64? = nil, name: String? = nil, status: PerfTestImportStatus? = nil,
    cause: String? = nil
  ) {
    self.id = id
    self.name = name
    self.status = status
    self.cause = cause
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, status, cause
  }
}
