// The C library of the platform, for the rest of the package: every other target imports
// SystemInterface, never Glibc, Musl or Darwin itself (PlatformImportTests checks it), so
// that what differs between the platforms is spelled here and nowhere else. The portable
// POSIX calls (`read`, `write`, `poll`, `socket`...) come through this re-export; the calls
// whose spelling or existence differs are the other files of this target.
//
// Verified: Linux with Glibc (CI). Written but never compiled: Musl and Darwin (see
// docs/platforms.md).

#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#else
  #error("SystemInterface knows Glibc, Musl and Darwin only; see docs/platforms.md")
#endif
