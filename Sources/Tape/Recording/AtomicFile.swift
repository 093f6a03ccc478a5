import Foundation
import Glibc

/// Writes a file so that a reader (or a process killed half-way) sees the old content or the
/// new one, never a mix: a temporary file in the same folder, written in full, `fsync`ed,
/// then renamed over the target, and the folder `fsync`ed.
enum AtomicFile {
  /// Why a write failed, with the path and the system's reason.
  struct Failure: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
  }

  static func write(_ data: Data, to url: URL) throws(Failure) {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw Failure(path: folder.path, reason: "cannot create the folder: \(error)")
    }
    let temporary = folder.appending(
      path: ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(temporary.path, "cannot create") }
    var written = 0
    let result: Bool = data.withUnsafeBytes { buffer in
      while written < buffer.count {
        let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += count
      }
      return true
    }
    guard result, fsync(descriptor) == 0 else {
      let error = failure(temporary.path, "cannot write")
      close(descriptor)
      unlink(temporary.path)
      throw error
    }
    close(descriptor)
    guard rename(temporary.path, url.path) == 0 else {
      let error = failure(url.path, "cannot rename the temporary file over")
      unlink(temporary.path)
      throw error
    }
    let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  private static func failure(_ path: String, _ action: String) -> Failure {
    Failure(path: path, reason: "\(action): \(String(cString: strerror(errno)))")
  }
}
