import Foundation

extension HTTPResponse {
  /// A `text/plain; charset=utf-8` answer.
  public static func text(_ text: String, status: Int = 200, headers: HTTPHeaders = [:])
    -> HTTPResponse
  {
    var headers = headers
    if !headers.contains("Content-Type") {
      headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
    }
    return HTTPResponse(status: status, headers: headers, body: Data(text.utf8))
  }

  /// An `application/json` answer whose body is `json`, sent byte for byte.
  public static func json(_ json: Data, status: Int = 200, headers: HTTPHeaders = [:])
    -> HTTPResponse
  {
    var headers = headers
    if !headers.contains("Content-Type") {
      headers.add(name: "Content-Type", value: "application/json")
    }
    return HTTPResponse(status: status, headers: headers, body: json)
  }

  /// An `application/json` answer whose body is the JSON text `json`, sent as written.
  public static func json(text json: String, status: Int = 200, headers: HTTPHeaders = [:])
    -> HTTPResponse
  {
    .json(Data(json.utf8), status: status, headers: headers)
  }

  /// An `application/json` answer encoding `value` with `encoder`.
  public static func json(
    encoding value: some Encodable, status: Int = 200, headers: HTTPHeaders = [:],
    encoder: JSONEncoder = JSONEncoder()
  ) throws -> HTTPResponse {
    .json(try encoder.encode(value), status: status, headers: headers)
  }
}
