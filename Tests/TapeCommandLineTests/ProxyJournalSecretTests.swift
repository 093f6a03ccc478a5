import Foundation
import LoopbackHTTP
import SystemInterface
import Tape
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The journal `tape proxy` keeps holds what a cassette may hold, and nothing more: after
/// `kill -9` it holds no secret in any form, not even one the session learned after the
/// exchange that carried it; a write refused because a secret survived redaction keeps the
/// session in it, and a rule given on the next run finishes it. The built executable.
@Suite("tape proxy: the journal holds no secret")
struct ProxyJournalSecretTests {
  static func cassette() -> URL {
    FileManager.default.temporaryDirectory.appending(path: "tape-journal-secret-\(UUID())")
      .appending(path: "proxy.json")
  }

  @Test("after kill -9 the journal holds no secret of the session, in any form")
  func killedJournalHoldsNoSecret() async throws {
    let later = "learned-later-token-5f4e3d2c1b0a99887766"
    let upstream = try HTTPServer.start { request in
      if request.path.hasSuffix("/first") {
        // An answer that holds a value the session only later learns is a token.
        return .json(text: #"{"note": "use \#(later) from now on"}"#)
      }
      let echoed = request.headers.first { $0.name.lowercased() == "x-auth-token" }?.value ?? ""
      var response = HTTPResponse.json(
        text:
          #"{"error_msg": "token \#(echoed) is valid", "credential": {"secret": "\#(ProxyLeakTests.secretKey)"}}"#
      )
      response.headers.add(name: "X-Subject-Token", value: ProxyLeakTests.token)
      return response
    }
    defer { upstream.beginStop() }
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    let journal = JournalFile(beside: cassette)
    let proxy = try await RunningTape.start([
      "proxy", "--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path,
    ])
    let session = URLSession(configuration: .ephemeral)
    _ = try await session.data(from: URL(string: proxy.url + "/v1/first")!)
    #expect(await eventually { journal.exchanges == 1 })
    var second = URLRequest(url: URL(string: proxy.url + "/v1/second")!)
    second.setValue(later, forHTTPHeaderField: "X-Auth-Token")
    _ = try await session.data(for: second)
    let leak = try await ProxyLeakTests.send(
      through: proxy.url, token: ProxyLeakTests.token, password: ProxyLeakTests.password)
    #expect(leak.status == 200)
    #expect(await eventually { journal.exchanges == 3 }, "\(journal.text)")
    _ = await proxy.stop(with: SIGKILL)

    let text = journal.text
    for secret in [later, ProxyLeakTests.token, ProxyLeakTests.secretKey, ProxyLeakTests.password] {
      for form in ProxyLeakTests.forms(of: secret) {
        #expect(!text.contains(form), "the journal holds \(form)")
      }
    }
    #expect(text.contains("<LIVE_SECRET>"))
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    // Not only safe: the session is all there, and the next run writes it.
    let again = try await RunningTape.start([
      "proxy", "--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path,
    ])
    let (status, output) = await again.interrupt()
    #expect(status == 0, "\(output)")
    #expect(try CassetteFile.load(from: cassette).interactions.count == 3)
  }

  @Test(
    "a refused write keeps the session in the journal; --redact-json-key on the next run finishes it"
  )
  func refusedWriteKeptAndFinished() async throws {
    let secret = "correct-horse-battery-staple-0042"
    let encoded = Data(secret.utf8).base64EncodedString()
    let upstream = try HTTPServer.start { _ in
      .json(text: #"{"blob": "\#(encoded)", "state": "done"}"#)
    }
    defer { upstream.beginStop() }
    let cassette = Self.cassette()
    defer { try? FileManager.default.removeItem(at: cassette.deletingLastPathComponent()) }
    let journal = JournalFile(beside: cassette)
    let environment = ["HUAWEICLOUD_SDK_PASSWORD": secret]
    let arguments = [
      "proxy", "--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path,
    ]

    let proxy = try await RunningTape.start(arguments, environment: environment)
    _ = try await sendPolls(to: proxy.url, count: 2)
    let (refused, said) = await proxy.interrupt()
    #expect(refused == 1, "\(said)")
    #expect(said.contains("refused to write: 4 secrets survived redaction"), "\(said)")
    #expect(
      said.contains("at /interactions/0/response/body/json/blob: a live secret (base64-encoded)"))
    #expect(
      said.contains(
        "the session is kept, redacted, in \(cassette.path).journal: add a rule for each place "
          + "named (--redact-json-key <key>, --redact-header <name>, --redact-query <key>) and "
          + "run tape proxy again on \(cassette.path)"), "\(said)")
    #expect(!FileManager.default.fileExists(atPath: cassette.path))
    #expect(journal.exchanges == 2)
    #expect(!journal.text.contains(secret) && !journal.text.contains(encoded))
    #expect(journal.text.contains(WithheldSecret.marker))

    // Again without a rule: still refused, the journal still kept. (Started, not run to
    // its end: a proxy that wrote the cassette would go on to serve it.)
    let retried = try await RunningTape.start(arguments, environment: environment)
    let (again, saidAgain) = await retried.interrupt()
    #expect(again == 1, "\(saidAgain)")
    #expect(
      saidAgain.contains(
        "at /interactions/0/response/body/json/blob: a secret withheld from the recording journal"),
      "\(saidAgain)")
    #expect(journal.exchanges == 2)

    // With the rule: the journal becomes the cassette, then it is replayed.
    let finished = try await RunningTape.start(
      arguments + ["--redact-json-key", "blob"], environment: environment)
    let (status, output) = await finished.interrupt()
    #expect(status == 0, "\(output)")
    #expect(output.contains("rebuilt \(cassette.path) from its 2 interactions"), "\(output)")
    #expect(!journal.exists)
    let recorded = try CassetteFile.load(from: cassette).interactions
    #expect(recorded.count == 2)
    #expect(
      recorded.allSatisfy {
        $0.response.body?.data == Data(#"{"blob":"<BLOB>","state":"done"}"#.utf8)
      })
    let bytes = try String(contentsOf: cassette, encoding: .utf8)
    #expect(!bytes.contains(secret) && !bytes.contains(encoded))
  }
}
