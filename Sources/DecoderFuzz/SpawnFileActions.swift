import Glibc

/// Adds "close every descriptor from 3 up" to `actions`, so that a child started with
/// `posix_spawn` holds none of this process's other descriptors (a test process's sockets,
/// say). glibc 2.34 and later have it; it is looked up at run time, since the Glibc module
/// does not declare it. Used by the fuzz workers and by the tests' child processes.
func closeDescriptorsFromThree(_ actions: inout posix_spawn_file_actions_t) {
  typealias CloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32)
    -> Int32
  guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
  _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
}
