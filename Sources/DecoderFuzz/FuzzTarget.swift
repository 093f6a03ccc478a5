import CloudProgress

/// One thing to fuzz: a decoder with its oracles, the corpus it draws seeds from, and the
/// schema that guides the mutator. See ``FuzzTargetRegistry`` for the standard ones.
public struct FuzzTarget: Sendable {
  /// Which of a corpus directory's seeds a target starts from.
  public enum SeedSelection: String, Hashable, Sendable {
    /// Seeds documented with a status below 400.
    case success
    /// Seeds documented with a status of 400 or above.
    case error
  }

  /// The name used by `--target` and in finding files, such as `insight` or `drs-error`.
  public let name: String
  /// The directory below `corpus/` holding its seeds and findings (the API key).
  public let corpusKey: String
  /// Which seeds of the directory are its own.
  public let seedSelection: SeedSelection
  /// The documented fields of its payload.
  public let schema: FuzzSchema
  /// Seeds it always starts from, in addition to the corpus files (JSON text).
  public let builtInSeeds: [String]
  /// Runs one input through the decoder and every oracle, in process.
  public let execute: @Sendable ([UInt8]) -> ExecutionOutcome

  /// Creates a target.
  public init(
    name: String, corpusKey: String, seedSelection: SeedSelection, schema: FuzzSchema,
    builtInSeeds: [String] = [], execute: @escaping @Sendable ([UInt8]) -> ExecutionOutcome
  ) {
    self.name = name
    self.corpusKey = corpusKey
    self.seedSelection = seedSelection
    self.schema = schema
    self.builtInSeeds = builtInSeeds
    self.execute = execute
  }

  /// A target for a success answer: decodes `Model`, then checks the documented-payload,
  /// round-trip, cosmetic-field and polling-sequence oracles (see ``ResponseOracles``).
  public static func response<Model: TaskProgressReporting>(
    _ model: Model.Type, api: CloudAPI, schema: FuzzSchema, name: String? = nil,
    pollingSequences: [[String]]? = nil
  ) -> FuzzTarget {
    let oracles = ResponseOracles(
      Model.self, schema: schema,
      pollingSequences: pollingSequences ?? DocumentedPollingSequences.of(api))
    return FuzzTarget(
      name: name ?? api.rawValue, corpusKey: api.rawValue, seedSelection: .success,
      schema: schema, builtInSeeds: ["{}"], execute: oracles.check)
  }

  /// A target for an error answer of `api`: `CloudError` and `ErrorBody` on any body (see
  /// ``ErrorBodyOracles``).
  public static func errorBody(api: CloudAPI) -> FuzzTarget {
    FuzzTarget(
      name: "\(api.rawValue)-error", corpusKey: api.rawValue, seedSelection: .error,
      schema: .errorBody,
      builtInSeeds: [
        #"{"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication information","request_id":"0b5e7c1a"}"#,
        #"{"error":{"code":"401","message":"The request you have made requires authentication."}}"#,
      ],
      execute: ErrorBodyOracles.check)
  }
}
