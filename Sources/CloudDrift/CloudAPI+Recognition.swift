import CloudProgress
import Foundation
import Tape

extension CloudAPI {
  /// The API whose documented method and path `request` has; nil for any other request.
  public init?(answering request: RecordedRequest) {
    guard let components = URLComponents(string: request.url) else { return nil }
    let path = components.percentEncodedPath
    guard
      let api = CloudAPI.allCases.first(where: {
        $0.operation.method == request.method.uppercased() && $0.operation.path.match(path) != nil
      })
    else { return nil }
    self = api
  }
}
