import CloudProgressClient

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast pseudo-random generator whose
/// sequence is fixed by its seed, so a failing case can be replayed. Shared by the test
/// targets that make "random" inputs; it is the client's own ``SeededGenerator``.
public typealias SplitMix64 = SeededGenerator
