/// Detached POSIX threads, whose `pthread_t` and start routine are spelled differently by
/// Glibc (an integer, an optional argument), musl (a pointer) and Darwin (a pointer, a
/// non-optional argument).
package enum SystemThread {
  private final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }

  /// Runs `body` on a new detached thread with a stack of `stackSize` bytes; false when the
  /// system refuses to create it.
  package static func startDetached(stackSize: Int, _ body: @escaping @Sendable () -> Void)
    -> Bool
  {
    var attributes = pthread_attr_t()
    guard pthread_attr_init(&attributes) == 0 else { return false }
    defer { pthread_attr_destroy(&attributes) }
    _ = pthread_attr_setstacksize(&attributes, stackSize)
    _ = pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t? = nil  // a pointer on Darwin and musl
    #endif
    let result = pthread_create(
      &thread, &attributes,
      { argument in
        // Optional on Glibc, not on Darwin.
        guard let context = argument as UnsafeMutableRawPointer? else { return nil }
        Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
        return nil
      }, context)
    guard result == 0 else {
      Unmanaged<Body>.fromOpaque(context).release()
      return false
    }
    return true
  }
}
