import Foundation
import SystemInterface

/// Why reading or writing a file failed, in one sentence for people: the system's reason
/// ("is a directory", "no such file or directory", "permission denied") rather than
/// Foundation's "The operation could not be completed. (NSCocoaErrorDomain error 256.)" or
/// an error type's name. Errors Tape describes itself keep their own sentence.
public enum FileProblem {
  /// The sentence for `error`.
  public static func sentence(for error: any Error) -> String {
    if let code = posixCode(of: error) {
      return String(cString: strerror(code)).lowercased()
    }
    let bridged = error as NSError
    if bridged.domain == NSCocoaErrorDomain {
      switch bridged.code {
      case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file or directory"
      case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
      case NSFileWriteOutOfSpaceError: return "no space left on device"
      default: return "input/output error (Foundation's code \(bridged.code))"
      }
    }
    return String(describing: error)
  }

  /// The POSIX error number behind `error`, when there is one.
  static func posixCode(of error: any Error) -> Int32? {
    if let posix = error as? POSIXError { return posix.code.rawValue }
    if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
      return posix.code.rawValue
    }
    let bridged = error as NSError
    if bridged.domain == NSPOSIXErrorDomain { return Int32(bridged.code) }
    if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return Int32(underlying.code)
    }
    return nil
  }
}
