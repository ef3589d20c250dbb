import Foundation
import KioskStore
import Posix
import Testing
@testable import KioskService

@Suite("The claim link follows the network")
struct ClaimAddressTests {
    typealias Address = NetworkInterfaces.Address

    @Test func theDefaultRoutesInterfaceWinsOverABridgeListedFirst() {
        let addresses = [Address(interface: "docker0", ipv4: "172.17.0.1"), Address(interface: "wlp2s0", ipv4: "192.168.1.20"),
                         Address(interface: "eth0", ipv4: "10.0.0.5")]
        #expect(NetworkInterfaces.bestIPv4(addresses, defaultRoute: "wlp2s0") == "192.168.1.20")
        #expect(NetworkInterfaces.bestIPv4(addresses, defaultRoute: nil) == "192.168.1.20", "container bridges come last")
        #expect(NetworkInterfaces.bestIPv4(addresses, defaultRoute: "wg0") == "192.168.1.20")
        #expect(NetworkInterfaces.bestIPv4([Address(interface: "tun0", ipv4: "10.8.0.2")], defaultRoute: nil) == "10.8.0.2")
        #expect(NetworkInterfaces.bestIPv4([], defaultRoute: "eth0") == nil)
    }

    @Test func theDefaultRouteIsReadFromTheKernelsTable() {
        let table = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
            wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
            wlp2s0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
            """
        #expect(NetworkInterfaces.defaultRouteInterface(table) == "wlp2s0")
        #expect(NetworkInterfaces.defaultRouteInterface("Iface\tDestination\n") == nil)
        #expect(NetworkInterfaces.defaultRouteInterface("garbage") == nil)
    }

    @Test func aLateNetworkAndANewLeaseChangeTheLink() {
        let host = Locked<String?>(nil)
        var configuration = ServiceConfiguration()
        configuration.listenPort = 8080
        let address = ClaimAddress(configuration: configuration) { host.withLock { $0 } }
        #expect(address.url == "http://127.0.0.1:8080", "no network yet")
        #expect(address.follow() == nil)
        host.withLock { $0 = "192.168.1.20" }
        #expect(address.follow() == "http://192.168.1.20:8080")
        #expect(address.follow() == nil, "told once")
        host.withLock { $0 = "10.4.0.17" }
        address.announce(port: 8181)
        #expect(address.follow() == "http://10.4.0.17:8181")
        #expect(address.url == "http://10.4.0.17:8181")
    }

    @Test func aSetPublicURLAndALoopbackServiceNeverChange() {
        var configured = ServiceConfiguration()
        configured.publicURL = "https://kiosk.example.org"
        let fixed = ClaimAddress(configuration: configured) { "192.168.1.20" }
        #expect(fixed.url == "https://kiosk.example.org" && fixed.follow() == nil)
        var loopback = ServiceConfiguration()
        loopback.listenHost = "127.0.0.1"
        let local = ClaimAddress(configuration: loopback) { "192.168.1.20" }
        #expect(local.url == "http://127.0.0.1:8080" && local.follow() == nil)
    }

    @Test func theServiceLogsTheNewAddressAndUsesItForNewLinks() throws {
        let directory = try TestFolder.make()
        let store = try KioskStore(directory: directory)
        defer { store.close() }
        var configuration = ServiceConfiguration()
        configuration.stateDirectory = directory
        let host = Locked<String?>("192.168.1.20")
        let log = LockedLines()
        let service = try KioskService(configuration: configuration, store: store, staffToken: StaffToken.loadOrCreate(in: directory),
                                       addressLookup: { host.withLock { $0 } }, log: { log.append($0) })
        #expect(service.publicURL == "http://192.168.1.20:8080")
        service.followNetwork()
        #expect(log.all.isEmpty)
        host.withLock { $0 = "192.168.7.3" }
        service.followNetwork()
        #expect(service.publicURL == "http://192.168.7.3:8080")
        #expect(log.all == ["claim links now start http://192.168.7.3:8080 (the network address changed)"])
    }
}
