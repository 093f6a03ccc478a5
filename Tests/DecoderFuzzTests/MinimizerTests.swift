import DecoderFuzz
import JSONTree
import Testing

@Suite("Minimizer")
struct MinimizerTests {
  @Test("drops members, shortens strings and binary-searches a number down to the boundary")
  func jsonAware() throws {
    let input = Array(
      #"{"name":"a long name","status":9999999999,"extra":[1,2,3],"note":"keep me out"}"#.utf8)
    let reproduces: ([UInt8]) -> Bool = { bytes in
      guard let lexeme = (try? JSONParser().parse(bytes))?["status"]?.numberLexeme,
        let value = Int64(lexeme)
      else { return false }
      return value > Int64(Int32.max)
    }
    let minimized = Minimizer().minimize(input, reproduces: reproduces)
    #expect(String(decoding: minimized, as: UTF8.self) == #"{"status":2147483648}"#)
  }

  @Test("a string shrinks to the characters that matter")
  func strings() {
    let input = Array(#"{"info":"running\u0000 and more text"}"#.utf8)
    let minimized = Minimizer().minimize(input) { bytes in
      (try? JSONParser().parse(bytes))?["info"]?.stringValue?.contains("\u{0}") ?? false
    }
    #expect(String(decoding: minimized, as: UTF8.self) == #"{"info":"\u0000"}"#)
  }

  @Test("input that is not JSON shrinks byte by byte")
  func bytes() {
    let input = Array("{\"a\": \"xx".utf8) + [0xFF] + Array("yy\"}".utf8)
    let minimized = Minimizer().minimize(input) { $0.contains(0xFF) }
    #expect(minimized == [0xFF])
  }

  @Test("the number of executions is bounded")
  func bounded() {
    var executions = 0
    let input = Array(String(repeating: "x", count: 4_000).utf8)
    _ = Minimizer(maximumExecutions: 25).minimize(input) { _ in
      executions += 1
      return false
    }
    #expect(executions == 25)
  }
}
