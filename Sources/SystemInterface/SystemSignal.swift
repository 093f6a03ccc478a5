/// `sigaction(2)`, whose handler field is spelled differently by each C library.
package enum SystemSignal {
  /// Installs `handler` for signal `number` with `flags` (`SA_RESTART`...) and nothing
  /// blocked while it runs; false when the system refuses.
  @discardableResult
  package static func install(
    _ number: Int32, flags: Int32, handler: @escaping @convention(c) (Int32) -> Void
  ) -> Bool {
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = handler
    #elseif canImport(Musl)
      action.__sa_handler.sa_handler = handler
    #else
      action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    return sigaction(number, &action, nil) == 0
  }
}
