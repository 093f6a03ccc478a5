/// `posix_spawn`'s attribute and file-action objects, which Glibc imports as structs and
/// Darwin as optional pointers, and the closing of inherited descriptors, which each system
/// offers differently.
package enum SystemSpawn {
  #if canImport(Darwin)
    /// The type `posix_spawn_file_actions_init` initializes.
    package typealias FileActions = posix_spawn_file_actions_t?
    /// The type `posix_spawnattr_init` initializes.
    package typealias Attributes = posix_spawnattr_t?
  #else
    /// The type `posix_spawn_file_actions_init` initializes.
    package typealias FileActions = posix_spawn_file_actions_t
    /// The type `posix_spawnattr_init` initializes.
    package typealias Attributes = posix_spawnattr_t
  #endif

  /// File actions for `posix_spawn_file_actions_init` to initialize.
  package static func fileActions() -> FileActions {
    #if canImport(Darwin)
      nil
    #else
      posix_spawn_file_actions_t()
    #endif
  }

  /// Attributes for `posix_spawnattr_init` to initialize.
  package static func attributes() -> Attributes {
    #if canImport(Darwin)
      nil
    #else
      posix_spawnattr_t()
    #endif
  }

  /// Adds "close every descriptor from 3 up" to `actions`, so that a child started with
  /// `posix_spawn` holds none of this process's other descriptors (a test process's
  /// sockets, say). glibc 2.34 and later have it; it is looked up at run time, since the
  /// Glibc module does not declare it. Elsewhere (an older glibc, musl, Darwin) this adds
  /// nothing, and the child inherits every descriptor not marked close-on-exec: the package
  /// marks its own (pipes, sockets) close-on-exec. (Darwin's equivalent is the attribute
  /// flag `POSIX_SPAWN_CLOEXEC_DEFAULT`, not a file action; it is not used.)
  package static func closeDescriptorsFromThree(_ actions: inout FileActions) {
    #if canImport(Glibc)
      typealias CloseFrom =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32)
        -> Int32
      guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
      _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    #endif
  }
}
