/// The import state of one CodeArts PerfTest project (`UploadProcessJsonDetail`).
public struct PerfTestUploadDetail: Hashable, Sendable, Codable {
  /// The import progress id (`id`, int32 in the SDK).
  public var id: Int32?
  /// The project name (`name`).
  public var name: String?
  /// The project's import state (`status`).
  public var status: PerfTestImportStatus?
  /// Why the import failed (`cause`), empty otherwise.
  public var cause: String?

  /// Creates a detail.
  public init(
    id: Int32? = nil, name: String? = nil, status: PerfTestImportStatus? = nil,
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

  /// Decodes a detail; an `id` beyond `Int32` is an error that names its path.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.id = try container.decodeIntegerIfPresent(Int32.self, forKey: .id)
    self.name = try container.decodeIfPresent(String.self, forKey: .name)
    self.status = try container.decodeIfPresent(PerfTestImportStatus.self, forKey: .status)
    self.cause = try container.decodeIfPresent(String.self, forKey: .cause)
  }
}
