import Foundation
import SystemInterface

/// Writes a file so that a reader (or a process killed half-way) sees the old content or the
/// new one, never a mix: a temporary file in the same folder, written in full, `fsync`ed,
/// then renamed over the target, and the folder `fsync`ed.
///
/// The temporary file is `.<name>.<pid>.<random>.tmp`, locked (`flock`) while it is
/// written. A process killed between creating and renaming it leaves it behind; the next
/// write of the same file removes such leftovers, and only those that are provably
/// leftovers: named by that pattern for this file, of a process that no longer runs, and
/// not locked by anyone.
enum AtomicFile {
  /// Why a write failed, with the path and the system's reason.
  struct Failure: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): \(reason)" }
  }

  static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws(Failure) {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw Failure(
        path: folder.path, reason: "cannot create the folder: \(FileProblem.sentence(for: error))")
    }
    removeStaleTemporaries(of: url)
    let temporary = folder.appending(
      path: ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
    guard descriptor >= 0 else { throw failure(temporary.path, "cannot create") }
    // Held until closed: a cleaner of another process (another PID namespace, say) that
    // cannot tell this process is alive still sees the file is in use.
    _ = flock(descriptor, LOCK_EX | LOCK_NB)
    let result = data.withUnsafeBytes { SystemWrite.all($0, to: descriptor) }
    guard result, fsync(descriptor) == 0 else {
      let error = failure(temporary.path, "cannot write")
      close(descriptor)
      unlink(temporary.path)
      throw error
    }
    guard rename(temporary.path, url.path) == 0 else {
      let error = failure(url.path, "cannot rename the temporary file over")
      close(descriptor)
      unlink(temporary.path)
      throw error
    }
    close(descriptor)
    let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  /// Removes the temporary files of `url` that a killed process left: named
  /// `.<name>.<pid>.<number>.tmp`, the pid another process's that no longer runs, a regular
  /// file, and not locked. Anything else is left alone.
  static func removeStaleTemporaries(of url: URL) {
    let folder = url.deletingLastPathComponent()
    let prefix = ".\(url.lastPathComponent)."
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
      return
    }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let middle = name.dropFirst(prefix.count).dropLast(".tmp".count)
      let parts = middle.split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 2,
        parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
        let pid = Int32(parts[0]), pid > 0, UInt32(parts[1]) != nil
      else { continue }
      guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      let path = folder.appending(path: name).path
      let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      var status = stat()
      guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
        flock(descriptor, LOCK_EX | LOCK_NB) == 0
      else { continue }
      unlink(path)
    }
  }

  private static func failure(_ path: String, _ action: String) -> Failure {
    Failure(path: path, reason: "\(action): \(String(cString: strerror(errno)))")
  }
}
