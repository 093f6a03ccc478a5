import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension URLSession {
  /// A queue whose work runs on the one process-wide serial queue where swift-corelibs-
  /// foundation (Linux) runs every session's work and URLProtocols, after the work queued
  /// before it: this session's own work queue, which targets that queue. Nil where there is
  /// none (Apple's Foundation), or where corelibs no longer keeps it in a stored property
  /// named `workQueue` (found by reflection: it is internal).
  ///
  /// Work running there must not start, resume or wait for a URLSession task: corelibs does
  /// that with `sync` onto its own queue.
  package var sharedQueueEntry: DispatchQueue? {
    #if canImport(FoundationNetworking)
      Mirror(reflecting: self).children.first { $0.label == "workQueue" }?.value
        as? DispatchQueue
    #else
      nil
    #endif
  }
}
