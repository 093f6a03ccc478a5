import CloudProgress
import JSONTree

/// Reads a scenario file as strictly as a cassette: unknown or repeated keys, wrong types,
/// numbers out of range, empty or path-like ids, repeated tasks and contradictory fields are
/// refused with the JSON pointer of the first offending value.
enum ScenarioReader {
  /// The longest slow fault, in seconds.
  static let maxDelaySeconds = 3600.0
  /// The longest token lifetime, rate window or timed task, in seconds (one year).
  static let maxSeconds = 365 * 24 * 3600.0
  /// The most polls a task may take, and the most requests in a rate window.
  static let maxCount = 1_000_000

  /// Parses and validates `bytes`.
  static func read(_ bytes: some Collection<UInt8>) throws(ScenarioError) -> SimulatorScenario {
    let root: JSONValue
    do {
      root = try JSONParser().parse(bytes)
    } catch {
      throw ScenarioError(error)
    }
    let object = try Fields(
      root, at: .root,
      allowed: [
        "tasks", "requiresAuthentication", "accounts", "accessKeys", "tokenLifetimeSeconds",
        "rateLimit", "faults",
      ])
    let tasksPointer = JSONPointer.root.appending("tasks")
    guard let tasksValue = object["tasks"] else {
      throw ScenarioError(at: .root, "missing key 'tasks' (an array of at least one task)")
    }
    let taskValues = try array(tasksValue, at: tasksPointer)
    guard !taskValues.isEmpty else {
      throw ScenarioError(at: tasksPointer, "no tasks; give at least one")
    }
    var tasks: [TaskScript] = []
    var seen: [String: Int] = [:]
    for (index, value) in taskValues.enumerated() {
      let task = try readTask(value, at: tasksPointer.appending(index))
      let key = task.api + "/" + task.id
      if let first = seen[key] {
        throw ScenarioError(
          at: tasksPointer.appending(index).appending("id"),
          "task '\(task.api)' '\(task.id)' is already /tasks/\(first); each task needs its own id")
      }
      seen[key] = index
      tasks.append(task)
    }
    var scenario = SimulatorScenario(tasks: tasks)
    if let value = object["requiresAuthentication"] {
      scenario.requiresAuthentication = try bool(
        value, at: .root.appending("requiresAuthentication"))
    }
    if let value = object["accounts"] {
      let pointer = JSONPointer.root.appending("accounts")
      scenario.accounts = []
      for (index, element) in try array(value, at: pointer).enumerated() {
        let fields = try Fields(
          element, at: pointer.appending(index), allowed: ["user", "password"])
        scenario.accounts.append(
          SimulatorScenario.Account(
            user: try fields.nonEmptyString("user"),
            password: try fields.nonEmptyString("password")))
      }
    }
    if let value = object["accessKeys"] {
      let pointer = JSONPointer.root.appending("accessKeys")
      scenario.accessKeys = []
      for (index, element) in try array(value, at: pointer).enumerated() {
        let fields = try Fields(
          element, at: pointer.appending(index), allowed: ["accessKey", "secretKey"])
        scenario.accessKeys.append(
          SimulatorScenario.AccessKey(
            accessKey: try fields.nonEmptyString("accessKey"),
            secretKey: try fields.nonEmptyString("secretKey")))
      }
    }
    if let value = object["tokenLifetimeSeconds"] {
      scenario.tokenLifetimeSeconds = try seconds(
        value, at: .root.appending("tokenLifetimeSeconds"), above: 0, upTo: maxSeconds)
    }
    if let value = object["rateLimit"] {
      let fields = try Fields(
        value, at: .root.appending("rateLimit"), allowed: ["requests", "seconds"])
      scenario.rateLimit = SimulatorScenario.RateLimit(
        requests: try fields.count("requests"), seconds: try fields.seconds("seconds"))
    }
    if let value = object["faults"] {
      let pointer = JSONPointer.root.appending("faults")
      scenario.faults = []
      for (index, element) in try array(value, at: pointer).enumerated() {
        scenario.faults.append(try readFault(element, at: pointer.appending(index)))
      }
    }
    return scenario
  }

  private static func readTask(_ value: JSONValue, at pointer: JSONPointer) throws(ScenarioError)
    -> TaskScript
  {
    let fields = try Fields(
      value, at: pointer,
      allowed: ["api", "id", "outcome", "polls", "seconds", "percents", "bodyOverrides"])
    let api = try fields.api("api", required: true)!
    let id = try fields.nonEmptyString("id")
    if id.contains("/") || id.contains("..")
      || id.unicodeScalars.contains(where: { $0.value < 0x20 })
    {
      throw ScenarioError(
        at: pointer.appending("id"),
        "id '\(id.debugDescription.dropFirst().dropLast())' holds '/', '..' or a control character; it must fit in one path segment"
      )
    }
    var outcome = TaskScript.Outcome.succeed
    if let text = try fields.optionalString("outcome") {
      guard let parsed = TaskScript.Outcome(rawValue: text) else {
        throw ScenarioError(
          at: pointer.appending("outcome"),
          "unknown outcome '\(text)'; expected one of \(TaskScript.Outcome.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      outcome = parsed
    }
    if fields["polls"] != nil, fields["seconds"] != nil {
      throw ScenarioError(
        at: pointer.appending("seconds"),
        "give either 'polls' or 'seconds', not both (a timed task ignores the poll count)")
    }
    if fields["percents"] != nil,
      let other = ["polls", "seconds"].first(where: { fields[$0] != nil })
    {
      throw ScenarioError(
        at: pointer.appending(other),
        "give either 'percents' or '\(other)', not both (the percent list sets the poll count)")
    }
    var task = TaskScript(api: api, id: id, outcome: outcome)
    if fields["polls"] != nil { task.polls = try fields.count("polls") }
    if fields["seconds"] != nil { task.seconds = try fields.seconds("seconds") }
    if let value = fields["percents"] {
      task.percents = try percents(value, at: pointer.appending("percents"))
    }
    if let value = fields["bodyOverrides"] {
      guard case .object = value else {
        throw ScenarioError(
          at: pointer.appending("bodyOverrides"),
          "expected an object of members to lay over every answer, found \(value.typeName)")
      }
      task.bodyOverrides = value
    }
    return task
  }

  /// A percent list: at least one whole number, each 0...100, never going down.
  private static func percents(_ value: JSONValue, at pointer: JSONPointer) throws(ScenarioError)
    -> [Int]
  {
    let elements = try array(value, at: pointer)
    guard !elements.isEmpty, elements.count <= maxCount else {
      throw ScenarioError(
        at: pointer, "expected from 1 to \(maxCount) percents, found \(elements.count)")
    }
    var result: [Int] = []
    for (index, element) in elements.enumerated() {
      guard case .number(let lexeme) = element, let percent = Int(lexeme),
        (0...100).contains(percent)
      else {
        throw ScenarioError(
          at: pointer.appending(index),
          "expected a whole number from 0 to 100, found \(element.typeName == "number" ? element.serialized() : element.typeName)"
        )
      }
      if let previous = result.last, percent < previous {
        throw ScenarioError(
          at: pointer.appending(index),
          "\(percent) is below the poll before (\(previous)); a task's percent never goes down")
      }
      result.append(percent)
    }
    return result
  }

  private static func readFault(_ value: JSONValue, at pointer: JSONPointer) throws(ScenarioError)
    -> SimulatedFault
  {
    let fields = try Fields(
      value, at: pointer, allowed: ["kind", "api", "request", "delaySeconds"])
    let text = try fields.nonEmptyString("kind")
    guard let kind = SimulatedFault.Kind(rawValue: text) else {
      throw ScenarioError(
        at: pointer.appending("kind"),
        "unknown fault kind '\(text)'; expected one of internalError, notImplementedText, slow")
    }
    var fault = SimulatedFault(kind, api: try fields.api("api", required: false))
    if fields["request"] != nil { fault.request = try fields.count("request") }
    if let delay = fields["delaySeconds"] {
      guard kind == .slow else {
        throw ScenarioError(
          at: pointer.appending("delaySeconds"), "only a 'slow' fault takes 'delaySeconds'")
      }
      fault.delaySeconds = try seconds(
        delay, at: pointer.appending("delaySeconds"), above: nil, upTo: maxDelaySeconds)
    }
    return fault
  }

  fileprivate static func array(_ value: JSONValue, at pointer: JSONPointer) throws(ScenarioError)
    -> [JSONValue]
  {
    guard case .array(let elements) = value else {
      throw ScenarioError(at: pointer, "expected an array, found \(value.typeName)")
    }
    return elements
  }

  fileprivate static func bool(_ value: JSONValue, at pointer: JSONPointer) throws(ScenarioError)
    -> Bool
  {
    guard case .bool(let flag) = value else {
      throw ScenarioError(at: pointer, "expected true or false, found \(value.typeName)")
    }
    return flag
  }

  /// A number of seconds: finite, above `above` (or at least 0 when nil), at most `upTo`.
  fileprivate static func seconds(
    _ value: JSONValue, at pointer: JSONPointer, above: Double?, upTo limit: Double
  ) throws(ScenarioError) -> Double {
    let range = above == nil ? "from 0 to \(Int(limit))" : "above 0 and at most \(Int(limit))"
    guard case .number(let lexeme) = value else {
      throw ScenarioError(
        at: pointer, "expected a number of seconds \(range), found \(value.typeName)")
    }
    guard let number = Double(lexeme), number.isFinite, number >= 0, number <= limit,
      above.map({ number > $0 }) ?? true
    else {
      throw ScenarioError(
        at: pointer, "\(lexeme) is out of range; expected a number of seconds \(range)")
    }
    return number
  }

  /// A whole number from 1 to ``maxCount``.
  fileprivate static func count(_ value: JSONValue, at pointer: JSONPointer) throws(ScenarioError)
    -> Int
  {
    let expected = "expected a whole number from 1 to \(maxCount)"
    guard case .number(let lexeme) = value else {
      throw ScenarioError(at: pointer, "\(expected), found \(value.typeName)")
    }
    guard let number = Int(lexeme), (1...maxCount).contains(number) else {
      throw ScenarioError(at: pointer, "\(lexeme) is out of range; \(expected)")
    }
    return number
  }
}

/// The members of one JSON object, checked for unknown and repeated keys.
private struct Fields {
  let pointer: JSONPointer
  let values: [String: JSONValue]

  init(_ value: JSONValue, at pointer: JSONPointer, allowed: [String]) throws(ScenarioError) {
    guard case .object(let members) = value else {
      throw ScenarioError(at: pointer, "expected an object, found \(value.typeName)")
    }
    var values: [String: JSONValue] = [:]
    for member in members {
      guard allowed.contains(member.key) else {
        throw ScenarioError(
          at: pointer.appending(member.key),
          "unknown key '\(member.key)'; expected one of \(allowed.joined(separator: ", "))")
      }
      guard values[member.key] == nil else {
        throw ScenarioError(at: pointer.appending(member.key), "key '\(member.key)' appears twice")
      }
      values[member.key] = member.value
    }
    self.pointer = pointer
    self.values = values
  }

  subscript(key: String) -> JSONValue? { values[key] }

  func optionalString(_ key: String) throws(ScenarioError) -> String? {
    guard let value = values[key] else { return nil }
    guard case .string(let text) = value else {
      throw ScenarioError(
        at: pointer.appending(key), "expected a string, found \(value.typeName)")
    }
    return text
  }

  func nonEmptyString(_ key: String) throws(ScenarioError) -> String {
    guard let text = try optionalString(key) else {
      throw ScenarioError(at: pointer, "missing key '\(key)'")
    }
    guard !text.isEmpty else {
      throw ScenarioError(at: pointer.appending(key), "'\(key)' is empty")
    }
    return text
  }

  func api(_ key: String, required: Bool) throws(ScenarioError) -> CloudAPI? {
    guard let text = required ? try nonEmptyString(key) : try optionalString(key) else {
      return nil
    }
    guard let api = CloudAPI(rawValue: text) else {
      throw ScenarioError(
        at: pointer.appending(key),
        "unknown api '\(text)'; expected one of \(CloudAPI.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    return api
  }

  func count(_ key: String) throws(ScenarioError) -> Int {
    guard let value = values[key] else { throw ScenarioError(at: pointer, "missing key '\(key)'") }
    return try ScenarioReader.count(value, at: pointer.appending(key))
  }

  func seconds(_ key: String) throws(ScenarioError) -> Double {
    guard let value = values[key] else { throw ScenarioError(at: pointer, "missing key '\(key)'") }
    return try ScenarioReader.seconds(
      value, at: pointer.appending(key), above: 0, upTo: ScenarioReader.maxSeconds)
  }
}
