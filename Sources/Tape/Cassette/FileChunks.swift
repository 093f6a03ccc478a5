import SystemInterface

/// A file read a chunk at a time with `read(2)`, for the commands that only look at a file
/// (`tape inspect`, `tape audit`): memory holds a chunk, not the file.
final class FileChunks {
  /// Why a file could not be opened or read.
  enum Failure: Error {
    /// There is no such file.
    case missing
    /// `open`, `fstat` or `read` failed; the system's words.
    case system(String)
  }

  private let descriptor: Int32
  private let chunkSize: Int
  /// The file's size when it is a regular file, nil otherwise (a pipe, a device).
  let size: Int?

  /// Opens `path` for reading.
  init(path: String, chunkSize: Int = 1 << 20) throws(Failure) {
    self.chunkSize = chunkSize
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw errno == ENOENT ? .missing : .system(String(cString: strerror(errno)).lowercased())
    }
    var status = stat()
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
      size = Int(status.st_size)
    } else {
      size = nil
    }
    guard (status.st_mode & S_IFMT) != S_IFDIR else {
      close(descriptor)
      throw .system(String(cString: strerror(EISDIR)).lowercased())
    }
  }

  deinit {
    close(descriptor)
  }

  /// The next chunk, empty at the end of the file.
  func next() throws(Failure) -> [UInt8] {
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
      if count >= 0 {
        chunk.removeLast(chunkSize - count)
        return chunk
      }
      guard errno == EINTR else { throw .system(String(cString: strerror(errno)).lowercased()) }
    }
  }

  /// The rest of the file in one array, or nil once it is past `limit` bytes.
  func readAll(limit: Int) throws(Failure) -> [UInt8]? {
    var bytes: [UInt8] = []
    if let size { bytes.reserveCapacity(min(size, limit) + 1) }
    while true {
      let chunk = try next()
      if chunk.isEmpty { return bytes }
      bytes += chunk
      if bytes.count > limit { return nil }
    }
  }
}
