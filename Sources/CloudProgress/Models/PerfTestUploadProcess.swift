/// The CodeArts PerfTest import progress (`UploadProcessJson`).
public struct PerfTestUploadProcess: Hashable, Sendable, Codable {
  /// One entry per imported project (`details`); `null` elements are left out.
  public var details: [PerfTestUploadDetail]?
  /// The overall state (`process_status`).
  public var processStatus: PerfTestProcessStatus?
  /// Where `details` held `null`, so that encoding puts them back and every detail keeps
  /// its index (and its anomalies their paths).
  private var nullDetailIndices: [Int] = []

  /// Creates a progress.
  public init(details: [PerfTestUploadDetail]? = nil, processStatus: PerfTestProcessStatus? = nil) {
    self.details = details
    self.processStatus = processStatus
  }

  private enum CodingKeys: String, CodingKey {
    case details
    case processStatus = "process_status"
  }

  /// Decodes a progress; a `null` element of `details` is skipped (every field of the
  /// SDK's models is optional, and the fuzzer found that a null detail made the whole
  /// answer undecodable).
  ///
  /// The elements are read one by one from the array's container, as `[Detail?]` would read
  /// them but without the generic `Array` and `Optional` decoding, which cost more than the
  /// details themselves in an answer of 250,000.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    if container.contains(.details), try !container.decodeNil(forKey: .details) {
      var elements = try container.nestedUnkeyedContainer(forKey: .details)
      var details: [PerfTestUploadDetail] = []
      details.reserveCapacity(elements.count ?? 0)
      while !elements.isAtEnd {
        let index = elements.currentIndex
        if try elements.decodeNil() {
          nullDetailIndices.append(index)
        } else {
          details.append(try elements.decode(PerfTestUploadDetail.self))
        }
      }
      self.details = details
    }
    self.processStatus = try container.decodeIfPresent(
      PerfTestProcessStatus.self, forKey: .processStatus)
  }

  /// Encodes the progress, with `null` details where they came.
  ///
  /// The elements are written one by one into the array's container, as `[Detail?]` would
  /// write them but without the generic `Array` and `Optional` encoding (a single-value
  /// container per element), as decoding reads them.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    if let details {
      var elements = details.map(Optional.some)
      for index in nullDetailIndices where index <= elements.count {
        elements.insert(nil, at: index)
      }
      var array = container.nestedUnkeyedContainer(forKey: .details)
      for element in elements {
        if let element {
          try array.encode(element)
        } else {
          try array.encodeNil()
        }
      }
    }
    try container.encodeIfPresent(processStatus, forKey: .processStatus)
  }

  /// The index each detail had on the wire.
  var wireIndices: [Int] {
    var indices: [Int] = []
    indices.reserveCapacity(details?.count ?? 0)
    let nulls = Set(nullDetailIndices)
    var wireIndex = 0
    for _ in details ?? [] {
      while nulls.contains(wireIndex) { wireIndex += 1 }
      indices.append(wireIndex)
      wireIndex += 1
    }
    return indices
  }
}

extension PerfTestUploadProcess: CustomReflectable {
  /// The documented fields only; where the `null` details sat is bookkeeping for encoding.
  public var customMirror: Mirror {
    Mirror(self, children: ["details": details as Any, "processStatus": processStatus as Any])
  }
}
