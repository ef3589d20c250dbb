@preconcurrency import Glibc

/// The machine's network addresses, for telling phones where the kiosk is.
public enum NetworkInterfaces {
    /// One IPv4 address of an interface that is up and not loopback.
    public struct Address: Sendable, Equatable {
        /// The interface's name, e.g. `wlp2s0`.
        public var interface: String
        /// e.g. `192.168.1.20`.
        public var ipv4: String

        public init(interface: String, ipv4: String) {
            self.interface = interface
            self.ipv4 = ipv4
        }
    }

    /// Interfaces phones on the venue network cannot be on: containers' and VMs' bridges, VPN tunnels.
    static let virtualPrefixes = ["docker", "br-", "veth", "virbr", "lxc", "lxd", "vnet", "tun", "tap", "wg", "zt", "tailscale"]

    /// The address phones should use: the one on the interface with the default route (the venue's
    /// network), else the first that is not a container bridge or tunnel, else the first; nil when none.
    public static func bestIPv4(_ addresses: [Address], defaultRoute: String?) -> String? {
        if let route = defaultRoute, let routed = addresses.first(where: { $0.interface == route }) { return routed.ipv4 }
        let physical = addresses.first { address in !virtualPrefixes.contains { address.interface.hasPrefix($0) } }
        return (physical ?? addresses.first)?.ipv4
    }

    /// `bestIPv4` of this machine, now.
    public static func currentIPv4() -> String? {
        let route = FileDescriptor.readFile("/proc/net/route", limit: 1 << 20).map { String(decoding: $0, as: UTF8.self) }
        return bestIPv4(ipv4Addresses(), defaultRoute: (try? route.get()).flatMap(defaultRouteInterface))
    }

    /// The interface of the IPv4 default route in `/proc/net/route`'s text (destination and mask 0).
    public static func defaultRouteInterface(_ routeTable: String) -> String? {
        for line in routeTable.split(separator: "\n").dropFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 8, fields[1] == "00000000", fields[7] == "00000000" else { continue }
            return String(fields[0])
        }
        return nil
    }

    /// An IPv4 socket address as dotted text, e.g. `192.168.1.20`; nil when it cannot be written.
    public static func text(ofIPv4 address: UnsafeMutablePointer<sockaddr>) -> String? {
        var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        let converted = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
            var raw = ipv4.pointee.sin_addr
            return inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil
        }
        return converted ? String(decoding: text.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self) : nil
    }

    /// Every IPv4 address of an interface that is up and not loopback, in the system's order.
    public static func ipv4Addresses() -> [Address] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard (try? retryingEINTR("getifaddrs", { getifaddrs(&list) })) != nil, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var found: [Address] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            let flags = Int32(bitPattern: entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            guard let ipv4 = text(ofIPv4: address) else { continue }
            found.append(Address(interface: String(cString: entry.pointee.ifa_name), ipv4: ipv4))
        }
        return found
    }
}
