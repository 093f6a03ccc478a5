import Foundation
import LoopbackHTTP
import Synchronization
import SystemInterface
import Testing

@testable import TapeCommandLine

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Without a key pair, `tape proxy` cannot sign AK/SK requests again for the upstream: it
/// says so at start-up and beside each refusal, instead of leaving a bare 401.
@Suite("tape proxy: forwarding AK/SK signatures")
struct ProxySigningNoticeTests {
  /// Runs the proxy in process against an upstream refusing AK/SK signatures, sends one
  /// signed request through it, and returns what it printed and the status the client got.
  func run(environment: [String: String]) async throws -> (printed: String, status: Int) {
    let upstream = try HTTPServer.start { request in
      let signed = request.headers.contains {
        $0.name.lowercased() == "authorization" && $0.value.hasPrefix("SDK-HMAC-SHA256")
      }
      return signed
        ? .json(
          text: #"{"error_code":"APIG.0301","error_msg":"Incorrect IAM authentication"}"#,
          status: 401)
        : .json(text: "{}")
    }
    defer { upstream.beginStop() }
    let cassette = FileManager.default.temporaryDirectory.appending(path: "sign-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }
    let printed = Mutex("")
    let status = Mutex(0)
    _ = await ProxyCommand.run(
      ["--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path],
      environment: environment, print: { text in printed.withLock { $0 += text } },
      report: { text in printed.withLock { $0 += text } },
      until: {
        let base =
          printed.withLock { $0 }.split(whereSeparator: \.isWhitespace)
          .first { $0.hasPrefix("http://") }
          .map(String.init) ?? ""
        var request = URLRequest(
          url: URL(string: base.trimmingCharacters(in: [","]) + "/v2/tasks/t1/progress")!)
        request.setValue(
          "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=host;x-sdk-date, "
            + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
          forHTTPHeaderField: "Authorization")
        request.setValue("20191115T033655Z", forHTTPHeaderField: "X-Sdk-Date")
        let response = try? await URLSession(configuration: .ephemeral).data(for: request).1
        status.withLock { $0 = (response as? HTTPURLResponse)?.statusCode ?? 0 }
      })
    return (printed.withLock { $0 }, status.withLock { $0 })
  }

  @Test("no key pair: a note at start-up and beside the 401, the 401 passed on")
  func withoutKeys() async throws {
    let (printed, status) = try await run(environment: [:])
    #expect(status == 401)
    #expect(printed.contains(UnsignedForwardingNotice.startUp))
    #expect(
      printed.contains(
        "tape proxy: GET /v2/tasks/t1/progress was refused (401): it was forwarded with the "
          + "client's AK/SK signature"))
  }

  @Test("no key pair: the answer still comes as the upstream sent it, on the plain path")
  func withoutKeysAnswerAsSent() async throws {
    // The notice once wrapped the proxy's transport, which hid the plain one: each exchange
    // then hopped through URLSession's shape, an HTTPURLResponse, which keeps neither the
    // reason phrase nor repeated fields apart.
    let upstream = try HTTPServer.start { _ in
      var headers = HTTPHeaders()
      headers.add(name: "Set-Cookie", value: "a=1")
      headers.add(name: "X-B", value: "1")
      headers.add(name: "Set-Cookie", value: "b=2")
      return HTTPResponse(
        status: 202, reasonPhrase: "Taken In Hand", headers: headers, body: Data("ok".utf8))
    }
    defer { upstream.beginStop() }
    let cassette = FileManager.default.temporaryDirectory.appending(path: "sign-\(UUID()).json")
    defer { try? FileManager.default.removeItem(at: cassette) }
    let printed = Mutex("")
    let answer = Mutex("")
    _ = await ProxyCommand.run(
      ["--upstream", upstream.baseURL.absoluteString, "--cassette", cassette.path],
      environment: [:], print: { text in printed.withLock { $0 += text } },
      report: { text in printed.withLock { $0 += text } },
      until: {
        let port =
          printed.withLock { $0 }.split(whereSeparator: \.isWhitespace)
          .first { $0.hasPrefix("http://") }
          .flatMap { UInt16($0.trimmingCharacters(in: [","]).split(separator: ":").last ?? "") }
        guard let port else { return }
        let text = try? await offThePool {
          let descriptor = try SimulateProcessTests.connectTo(port: port)
          defer { close(descriptor) }
          return SimulateProcessTests.exchange(
            descriptor, "GET /v2/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        }
        answer.withLock { $0 = text ?? "" }
      })
    let lines = answer.withLock { $0 }.components(separatedBy: "\r\n")
    #expect(lines.first == "HTTP/1.1 202 Taken In Hand")
    #expect(lines.filter { $0.hasPrefix("Set-Cookie:") } == ["Set-Cookie: a=1", "Set-Cookie: b=2"])
    #expect(printed.withLock { $0 }.contains(UnsignedForwardingNotice.startUp))
  }

  @Test("with the key pair: no note, and the request is signed again for the upstream")
  func withKeys() async throws {
    let (printed, _) = try await run(environment: [
      "HUAWEICLOUD_SDK_AK": "QTWAOYTTINDUT2QVKYUC",
      "HUAWEICLOUD_SDK_SK": "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
    ])
    #expect(!printed.contains("note: HUAWEICLOUD_SDK_AK"))
    #expect(!printed.contains("was refused (401)"))
  }
}
