@preconcurrency import Glibc

/// The machine's network addresses, for telling phones where the kiosk is.
public enum NetworkInterfaces {
    /// The first IPv4 address of an interface that is up and not loopback, e.g. `192.168.1.20`.
    public static func firstIPv4() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard (try? retryingEINTR("getifaddrs", { getifaddrs(&list) })) != nil, let first = list else { return nil }
        defer { freeifaddrs(list) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(bitPattern: entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let converted = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                var raw = ipv4.pointee.sin_addr
                return inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil
            }
            if converted { return String(decoding: text.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self) }
        }
        return nil
    }
}
