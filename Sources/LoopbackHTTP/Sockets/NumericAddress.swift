import SystemInterface

/// A numeric IPv4 or IPv6 address and port, converted to and from `sockaddr` storage.
enum NumericAddress {
  /// Fills a `sockaddr_storage` for `host` (numeric text) and `port`, returning its family
  /// and length; nil when `host` is neither an IPv4 nor an IPv6 address.
  static func socketAddress(host: String, port: UInt16)
    -> (storage: sockaddr_storage, length: socklen_t, family: Int32)?
  {
    var storage = sockaddr_storage()
    var ipv4 = sockaddr_in()
    if inet_pton(AF_INET, host, &ipv4.sin_addr) == 1 {
      ipv4.sin_family = sa_family_t(AF_INET)
      ipv4.sin_port = port.bigEndian
      withUnsafeMutableBytes(of: &storage) { target in
        withUnsafeBytes(of: ipv4) { target.copyMemory(from: $0) }
      }
      return (storage, socklen_t(MemoryLayout<sockaddr_in>.size), AF_INET)
    }
    var ipv6 = sockaddr_in6()
    if inet_pton(AF_INET6, host, &ipv6.sin6_addr) == 1 {
      ipv6.sin6_family = sa_family_t(AF_INET6)
      ipv6.sin6_port = port.bigEndian
      withUnsafeMutableBytes(of: &storage) { target in
        withUnsafeBytes(of: ipv6) { target.copyMemory(from: $0) }
      }
      return (storage, socklen_t(MemoryLayout<sockaddr_in6>.size), AF_INET6)
    }
    return nil
  }

  /// The host text and port held in `storage`; `?` and 0 for a family other than IPv4/IPv6.
  static func describe(_ storage: sockaddr_storage) -> SocketAddress {
    var storage = storage
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    switch Int32(storage.ss_family) {
    case AF_INET:
      return withUnsafePointer(to: &storage) { raw in
        raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
          var ip = address.pointee.sin_addr
          let host =
            inet_ntop(AF_INET, &ip, &text, socklen_t(text.count)) != nil
            ? terminatedString(text) : "?"
          return SocketAddress(host: host, port: UInt16(bigEndian: address.pointee.sin_port))
        }
      }
    case AF_INET6:
      return withUnsafePointer(to: &storage) { raw in
        raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
          var ip = address.pointee.sin6_addr
          let host =
            inet_ntop(AF_INET6, &ip, &text, socklen_t(text.count)) != nil
            ? terminatedString(text) : "?"
          return SocketAddress(host: host, port: UInt16(bigEndian: address.pointee.sin6_port))
        }
      }
    default:
      return SocketAddress(host: "?", port: 0)
    }
  }

  /// The text of a NUL-terminated C string held in an array.
  static func terminatedString(_ characters: [CChar]) -> String {
    String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
