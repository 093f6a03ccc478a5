import Foundation

/// One connection's thread: reads requests, has the handler answer them and writes the
/// answers, in order, until either side closes, a timeout passes or the server stops.
///
/// All its I/O is blocking and happens here, never on the concurrency pool; the handler runs
/// on the pool through ``HandlerBridge``.
struct ConnectionLoop {
  private static let scratchBytes = 64 * 1024
  private static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

  private let socket: ConnectionSocket
  private let peer: SocketAddress
  private let id: Int
  private let core: ServerCore
  private let configuration: HTTPServerConfiguration
  private let bridge: HandlerBridge
  private let scratch: UnsafeMutableRawBufferPointer
  private var buffer = ReceiveBuffer()
  private var dates = DateHeaderCache()

  /// Serves the connection on `descriptor` to its end, then closes it.
  static func serve(descriptor: Int32, peer: SocketAddress, id: Int, core: ServerCore) {
    let scratch = UnsafeMutableRawBufferPointer.allocate(
      byteCount: scratchBytes, alignment: MemoryLayout<UInt64>.alignment)
    defer {
      scratch.deallocate()
      core.connectionClosed(id)
    }
    var loop = ConnectionLoop(
      socket: ConnectionSocket(descriptor: descriptor), peer: peer, id: id, core: core,
      configuration: core.configuration, bridge: HandlerBridge(handler: core.handler),
      scratch: scratch)
    loop.run()
  }

  private init(
    socket: ConnectionSocket, peer: SocketAddress, id: Int, core: ServerCore,
    configuration: HTTPServerConfiguration, bridge: HandlerBridge,
    scratch: UnsafeMutableRawBufferPointer
  ) {
    self.socket = socket
    self.peer = peer
    self.id = id
    self.core = core
    self.configuration = configuration
    self.bridge = bridge
    self.scratch = scratch
  }

  /// How the connection ends.
  private enum Ending {
    /// Nothing more to say (the client left, was idle too long, or the server stops).
    case closeNow
    /// An answer was sent and is followed by the end of the stream.
    case closeAfterAnswer
  }

  /// What reading one request gave.
  private enum Reading {
    case request(HTTPRequest, persistent: Bool)
    case clientGone
    case rejected(MessageRejection)
  }

  /// What waiting for more bytes gave.
  private enum Arrival {
    case received
    case timedOut
    case clientGone
  }

  private mutating func run() {
    socket.configure(writeTimeout: configuration.writeTimeout)
    let ending = serveRequests()
    core.connectionBusy(id)
    switch ending {
    case .closeNow:
      socket.close()
    case .closeAfterAnswer:
      let linger = min(configuration.idleTimeout, .seconds(1))
      socket.closeAfterLingering(until: .after(linger), scratch: scratch)
    }
  }

  private mutating func serveRequests() -> Ending {
    while true {
      if buffer.isEmpty {
        let idle = socket.waitReadable(
          until: .after(configuration.idleTimeout), stopDescriptor: core.stopPipe.readDescriptor)
        guard idle == .readable, socket.receive(into: &buffer, scratch: scratch) ?? 0 > 0 else {
          return .closeNow
        }
      }
      // From its first byte until its head is complete, a request may be displaced by a new
      // connection when every slot is taken; a connection that has sent nothing yet (new or
      // answered and kept alive) is not, the idle timeout closes it.
      core.connectionWaits(id, descriptor: socket.descriptor)
      let request: HTTPRequest
      let persistent: Bool
      switch readRequest() {
      case .request(let read, let wantsPersistence):
        request = read
        persistent = wantsPersistence
      case .clientGone:
        return .closeNow
      case .rejected(let rejection):
        return send(answer(to: rejection), for: nil, persistent: false)
          ? .closeAfterAnswer : .closeNow
      }
      let response = bridge.respond(to: request)
      let keepOpen = persistent && !Self.asksToClose(response) && !core.isStopping
      let sent = send(response, for: request, persistent: keepOpen)
      response.afterSending?()
      guard sent else { return .closeNow }
      if !keepOpen { return .closeAfterAnswer }
    }
  }

  /// Reads one request whose first bytes are in the buffer, within the request deadline.
  private mutating func readRequest() -> Reading {
    let deadline = Deadline.after(configuration.requestReadTimeout)
    var parser = RequestHeadParser(
      maxHeadBytes: configuration.maxHeadBytes, maxHeaderFields: configuration.maxHeaderFields)
    var parsedHead: RequestHead?
    while parsedHead == nil {
      switch parser.parse(buffer) {
      case .complete(let head, let length):
        buffer.consume(length)
        parsedHead = head
        core.connectionBusy(id)
      case .rejected(let rejection):
        return .rejected(rejection)
      case .incomplete:
        switch receiveMore(until: deadline) {
        case .received: continue
        case .timedOut: return .rejected(.timeout)
        case .clientGone: return .clientGone
        }
      }
    }
    guard let head = parsedHead else { return .clientGone }
    let framing: BodyFraming
    do {
      framing = try BodyFraming(head: head, maxBodyBytes: configuration.maxBodyBytes)
    } catch {
      return .rejected(error)
    }
    if head.expectsContinue && framing != .length(0) && buffer.isEmpty {
      guard socket.sendAll(Self.continueLine) else { return .clientGone }
    }
    let body: Data
    switch readBody(framing, until: deadline) {
    case .success(let bytes): body = bytes
    case .failure(.rejected(let rejection)): return .rejected(rejection)
    case .failure(.clientGone): return .clientGone
    }
    let request = HTTPRequest(
      method: head.method, target: head.target, version: head.version, headers: head.headers,
      body: body, remoteAddress: peer)
    return .request(request, persistent: head.wantsPersistentConnection)
  }

  private enum BodyFailure: Error {
    case rejected(MessageRejection)
    case clientGone
  }

  private mutating func readBody(_ framing: BodyFraming, until deadline: Deadline) -> Result<
    Data, BodyFailure
  > {
    switch framing {
    case .length(let length):
      while buffer.count < length {
        switch receiveMore(until: deadline) {
        case .received: continue
        case .timedOut: return .failure(.rejected(.timeout))
        case .clientGone: return .failure(.clientGone)
        }
      }
      let body = Data(buffer.prefix(length))
      buffer.consume(length)
      return .success(body)
    case .chunked:
      var decoder = ChunkedBodyDecoder(
        maxBodyBytes: configuration.maxBodyBytes, maxTrailerBytes: configuration.maxHeadBytes)
      while true {
        switch decoder.decode(&buffer) {
        case .complete(let body): return .success(Data(body))
        case .rejected(let rejection): return .failure(.rejected(rejection))
        case .incomplete:
          switch receiveMore(until: deadline) {
          case .received: continue
          case .timedOut: return .failure(.rejected(.timeout))
          case .clientGone: return .failure(.clientGone)
          }
        }
      }
    case .untilClose:
      // Only a response is delimited by the end of the connection; a request never is.
      return .failure(.rejected(.badRequest("a request body cannot end with the connection")))
    }
  }

  private mutating func receiveMore(until deadline: Deadline) -> Arrival {
    guard socket.waitReadable(until: deadline) == .readable else { return .timedOut }
    guard let count = socket.receive(into: &buffer, scratch: scratch), count > 0 else {
      return .clientGone
    }
    return .received
  }

  /// Writes an answer; `request` is nil for the server's own refusals. False when the client
  /// is gone.
  /// The answer to a refused request: the configured shape, with the refusal's status.
  private func answer(to rejection: MessageRejection) -> HTTPResponse {
    guard let shape = configuration.rejectionResponse else { return rejection.response }
    var response = shape(rejection.status, rejection.detail)
    response.status = rejection.status
    response.reasonPhrase = HTTPResponse.standardReasonPhrase(for: rejection.status)
    return response
  }

  private mutating func send(_ response: HTTPResponse, for request: HTTPRequest?, persistent: Bool)
    -> Bool
  {
    let context = ResponseSerializer.Context(
      isHeadRequest: request?.method == "HEAD", closesConnection: !persistent,
      confirmsKeepAlive: persistent && request?.version == .http10, date: dates.current())
    return socket.sendAll(ResponseSerializer.serialize(response, context: context))
  }

  private static func asksToClose(_ response: HTTPResponse) -> Bool {
    response.headers.values(for: "Connection").flatMap(HTTPGrammar.listElements).contains {
      $0.lowercased() == "close"
    }
  }
}
