import Foundation
import LoopbackHTTP
import SystemInterface

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An answer read from an upstream connection.
struct UpstreamAnswer {
  /// The final status (interim 1xx answers were skipped).
  var status: Int
  /// The reason phrase as the upstream sent it; nil when it was not UTF-8.
  var reasonPhrase: String?
  /// The header fields in the order and spelling they came, repeated names kept apart.
  var headers: HTTPHeaders
  /// The body, de-chunked.
  var body: Data
  /// Whether the connection may carry another request.
  var keepsAlive: Bool

  /// The value of the first field named `name` (any case).
  func value(of name: String) -> String? { headers[name] }

  /// The answer as Foundation has it, for `request`: repeated names joined with `, `.
  func response(to request: URLRequest) throws -> HTTPURLResponse {
    var fields: [String: String] = [:]
    var spellings: [String: String] = [:]  // lower-cased name: the first spelling seen
    for (name, value) in headers {
      let key = name.lowercased()
      if let spelling = spellings[key] {
        fields[spelling, default: ""] += ", " + value
      } else {
        spellings[key] = name
        fields[name] = value
      }
    }
    guard let url = request.url,
      let response = HTTPURLResponse(
        url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: fields)
    else { throw URLError(.badServerResponse) }
    return response
  }
}

/// Why an exchange on an upstream connection failed, as far as sending it again goes.
enum ExchangeFailure: Error {
  /// No byte of the request reached the connection: sending it again is always safe.
  case notSent(URLError)
  /// The request was written (maybe only in part) and the connection ended before the
  /// first byte of an answer: the upstream may or may not have acted on it.
  case lostBeforeAnswer(URLError)
  /// Anything else: an answer that is malformed, too large or cut, a timeout.
  case failed(URLError)

  /// The error a caller of the transport sees.
  var error: URLError {
    switch self {
    case .notSent(let error), .lostBeforeAnswer(let error), .failed(let error): error
    }
  }
}

extension URLError {
  /// An error of `code` whose description is `detail`.
  static func described(_ code: URLError.Code, _ detail: String) -> URLError {
    URLError(code, userInfo: [NSLocalizedDescriptionKey: detail])
  }
}

/// One blocking keep-alive connection to an HTTP/1.1 server. Answers are read by
/// LoopbackHTTP's ``HTTPResponseReader``: the parser the server reads requests with, and the
/// rules of a response beside it.
struct UpstreamConnection {
  let descriptor: Int32
  private let timeout: Duration
  private static let scratchBytes = 64 * 1024

  init(descriptor: Int32, timeout: Duration) {
    self.descriptor = descriptor
    self.timeout = timeout
  }

  /// Connects to `host:port` (a name or a numeric address).
  init(host: String, port: UInt16, timeout: Duration) throws(URLError) {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = SystemSocket.stream
    var results: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
      throw .described(.cannotFindHost, "cannot find the host \(host)")
    }
    defer { freeaddrinfo(results) }
    var candidate: UnsafeMutablePointer<addrinfo>? = first
    while let info = candidate {
      let descriptor = SystemSocket.open(
        family: info.pointee.ai_family, type: info.pointee.ai_socktype)
      if descriptor >= 0 {
        if connect(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
          var flag: Int32 = 1
          _ = setsockopt(
            descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &flag, socklen_t(MemoryLayout<Int32>.size))
          Self.bound(descriptor, readsTo: timeout)
          self.init(descriptor: descriptor, timeout: timeout)
          return
        }
        SystemInterface.close(descriptor)
      }
      candidate = info.pointee.ai_next
    }
    throw .described(.cannotConnectToHost, "cannot connect to \(host) port \(port)")
  }

  func close() {
    SystemInterface.close(descriptor)
  }

  /// Whether an idle connection is still quiet: nothing to read, not even its end. One the
  /// upstream closed (or wrote to out of turn) while it was idle is not used again, so a
  /// request is never written to a connection already known to be closed.
  func isQuiet() -> Bool {
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&poller, 1, 0)
      if ready == 0 { return true }
      if ready < 0 && errno == EINTR { continue }
      return false
    }
  }

  /// Writes the request and reads its whole answer.
  func exchange(
    head: [UInt8], body: Data, method: String, limits: HTTPResponseReader.Limits
  ) throws(ExchangeFailure) -> UpstreamAnswer {
    try write(head, body)
    var reader = HTTPResponseReader(requestMethod: method, limits: limits)
    let scratch = UnsafeMutableRawBufferPointer.allocate(
      byteCount: Self.scratchBytes, alignment: MemoryLayout<UInt64>.alignment)
    defer { scratch.deallocate() }
    while true {
      // A blocking read bounded by the socket's receive timeout (set when it connected): no
      // poll before each read, one system call fewer per answer.
      let count = recv(descriptor, scratch.baseAddress, scratch.count, 0)
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK {
          throw .failed(.described(.timedOut, "the upstream sent nothing for \(timeout)"))
        }
        let detail = "the upstream connection failed: \(String(cString: strerror(errno)))"
        throw reader.hasReceivedBytes
          ? .failed(.described(.networkConnectionLost, detail))
          : .lostBeforeAnswer(.described(.networkConnectionLost, detail))
      }
      reader.receive(UnsafeRawBufferPointer(rebasing: scratch[..<count]))
      do throws(HTTPResponseError) {
        guard case .complete(let answer) = try reader.read(endOfStream: count == 0) else {
          continue
        }
        return UpstreamAnswer(
          status: answer.head.status, reasonPhrase: answer.head.reasonPhrase,
          headers: answer.head.headers, body: answer.body, keepsAlive: answer.keepsConnection)
      } catch {
        throw Self.failure(error, limits: limits)
      }
    }
  }

  /// What a reader's error means for the exchange.
  private static func failure(_ error: HTTPResponseError, limits: HTTPResponseReader.Limits)
    -> ExchangeFailure
  {
    switch error.kind {
    case .noAnswer:
      return .lostBeforeAnswer(
        .described(.networkConnectionLost, "the upstream closed the connection before answering"))
    case .truncated:
      return .failed(.described(.networkConnectionLost, "the upstream's answer is cut: \(error)"))
    case .tooLarge:
      return .failed(
        .described(
          .dataLengthExceedsMaximum,
          "the upstream's answer is too large: \(error) (the limits: \(limits.maxBodyBytes) "
            + "bytes of body, \(limits.maxHeadBytes) bytes of head)"))
    case .malformed, .unsupported:
      return .failed(.described(.badServerResponse, "the upstream's answer is not read: \(error)"))
    }
  }

  /// Writes `head` then `body`, in one call when they fit.
  private func write(_ head: [UInt8], _ body: Data) throws(ExchangeFailure) {
    var message = head
    message.append(contentsOf: body)
    let sent = SystemSocket.sendAll(message, to: descriptor)
    guard sent < message.count else { return }
    let detail = "writing to the upstream failed: \(String(cString: strerror(errno)))"
    throw sent == 0
      ? .notSent(.described(.networkConnectionLost, detail))
      : .lostBeforeAnswer(.described(.networkConnectionLost, detail))
  }

  /// Makes every read of `descriptor` give up after `timeout` without a byte
  /// (`SO_RCVTIMEO`: the read fails with `EAGAIN`); at least a microsecond, since zero would
  /// mean never.
  private static func bound(_ descriptor: Int32, readsTo timeout: Duration) {
    let (seconds, attoseconds) = max(timeout, .microseconds(1)).components
    var limit = timeval(
      tv_sec: time_t(clamping: seconds), tv_usec: suseconds_t(attoseconds / 1_000_000_000_000))
    _ = setsockopt(
      descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
  }
}
