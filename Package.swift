// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "JobTicket",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "jobticket", targets: ["jobticket"])
    ],
    targets: [
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD"]),
        .target(name: "JobTicketCore", dependencies: ["CSodium"]),
        .target(name: "JobTicketStore", dependencies: ["JobTicketCore", "CSQLite"]),
        .target(name: "JobTicketAPI", dependencies: ["JobTicketStore", "JobTicketCore", "HTTPServer"]),
        .target(name: "JobTicketApp", dependencies: ["JobTicketAPI", "JobTicketStore", "JobTicketCore", "HTTPServer"]),
        .executableTarget(name: "jobticket", dependencies: ["JobTicketApp"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "JobTicketCoreTests", dependencies: ["JobTicketCore"]),
        .testTarget(name: "JobTicketStoreTests", dependencies: ["JobTicketStore", "JobTicketCore"]),
        .testTarget(name: "JobTicketAPITests", dependencies: ["JobTicketAPI", "JobTicketCore", "JobTicketStore", "HTTPServer"]),
        .testTarget(name: "JobTicketAppTests", dependencies: ["JobTicketApp", "JobTicketStore", "JobTicketAPI", "JobTicketCore", "HTTPServer"]),
    ],
    swiftLanguageModes: [.v6]
)
