/// Reads `--name value`, `--name=value`, flags and positional arguments, refusing anything
/// it was not told about. A value option is given at most once unless it is repeatable.
struct ArgumentScanner {
  /// A problem with the arguments, worded for the user.
  struct Problem: Error {
    var message: String
  }

  private(set) var options: [String: String] = [:]
  /// The values of each repeatable option, in the order given.
  private(set) var repeated: [String: [String]] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positionals: [String] = []

  /// Scans `arguments` given the option names that take a value, the flag names, and the
  /// options that take a value and may be given more than once.
  init(
    _ arguments: [String], valueOptions: Set<String>, flagOptions: Set<String>,
    repeatableOptions: Set<String> = []
  ) throws(Problem) {
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      if argument == "--" {
        positionals += remaining
        break
      }
      guard argument.hasPrefix("-"), argument != "-" else {
        positionals.append(argument)
        continue
      }
      let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
      let name = parts[0]
      if flagOptions.contains(name), parts.count == 1 {
        flags.insert(name)
      } else if repeatableOptions.contains(name) {
        guard let value = parts.count == 2 ? parts[1] : remaining.popFirst() else {
          throw Problem(message: "\(name) needs a value")
        }
        repeated[name, default: []].append(value)
      } else if valueOptions.contains(name) {
        guard let value = parts.count == 2 ? parts[1] : remaining.popFirst() else {
          throw Problem(message: "\(name) needs a value")
        }
        guard options[name] == nil else { throw Problem(message: "\(name) given twice") }
        options[name] = value
      } else {
        throw Problem(message: "unknown option '\(argument)'")
      }
    }
  }

  /// `--max-bytes`: the largest input read, a positive number of bytes; `fallback` when
  /// absent.
  func maximumBytes(default fallback: Int) throws(Problem) -> Int {
    guard let text = options["--max-bytes"] else { return fallback }
    guard let value = Int(text), value > 0 else {
      throw Problem(message: "--max-bytes must be a positive number of bytes, got '\(text)'")
    }
    return value
  }

  /// `--port`: 0 (any free port) when absent.
  func port() throws(Problem) -> UInt16 {
    guard let text = options["--port"] else { return 0 }
    guard let port = UInt16(text) else {
      throw Problem(message: "--port must be a number from 0 to 65535, got '\(text)'")
    }
    return port
  }
}
