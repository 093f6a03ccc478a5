/// The shape of a whole recording, by API: what the next recording is compared with.
public struct RecordingShape: Hashable, Sendable {
  /// Each API's answers' shape.
  public var apis: [String: AnswerShape]

  /// The shape of the answers `readings` come from.
  public init(_ readings: [AnswerReading]) {
    var apis: [String: AnswerShape] = [:]
    for reading in readings {
      apis[reading.api, default: AnswerShape()].formUnion(reading.shape)
    }
    self.apis = apis
  }
}
