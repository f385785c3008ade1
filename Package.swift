// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rotor",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RotorProtocol", targets: ["RotorProtocol"]),
        .library(name: "RotorProtocolFuzzing", targets: ["RotorProtocolFuzzing"]),
        .library(name: "RotorCore", targets: ["RotorCore"]),
        .library(name: "RotorEngine", targets: ["RotorEngine"]),
        .library(name: "RotorTokens", targets: ["RotorTokens"]),
        .library(name: "RotorNode", targets: ["RotorNode"]),
        .library(name: "RotorSimulation", targets: ["RotorSimulation"]),
        .library(name: "RotorConfig", targets: ["RotorConfig"]),
        .library(name: "RotorAPI", targets: ["RotorAPI"]),
        .library(name: "RotorServer", targets: ["RotorServer"]),
        .library(name: "RotorConformance", targets: ["RotorConformance"]),
        .executable(name: "rotor", targets: ["rotor"]),
        .executable(name: "rotor-conformance", targets: ["rotor-conformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .target(
            name: "RotorProtocol",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RotorCore",
            dependencies: [
                "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RotorEngine",
            dependencies: [
                "RotorCore",
                "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RotorTokens",
            dependencies: [
                "RotorCore",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RotorNode",
            dependencies: [
                "RotorCore",
                "RotorEngine",
                "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RotorSimulation",
            dependencies: [
                "RotorCore",
                "RotorEngine",
                "RotorNode",
                "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "RotorConfig",
            dependencies: [
                "RotorCore",
                "RotorTokens",
                "RotorNode",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RotorAPI",
            dependencies: [
                "RotorNode",
                "RotorEngine",
                "RotorCore",
                "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "RotorServer",
            dependencies: [
                "RotorAPI",
                "RotorCLI",
                "RotorConfig",
                "RotorNode",
                "RotorEngine",
                "RotorTokens",
                "RotorCore",
                "RotorProtocol",
                "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(
            name: "RotorConformance",
            dependencies: [
                "RotorProtocol",
                "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "rotor-conformance",
            dependencies: [
                "RotorConformance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "RotorProtocolFuzzing",
            dependencies: ["RotorProtocol", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .target(
            name: "RotorCLI",
            dependencies: [
                "RotorConfig",
                "RotorTokens",
                "RotorCore",
                "RotorProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "rotor",
            dependencies: [
                "RotorCLI",
                "RotorServer",
                "RotorConfig",
                "RotorTokens",
                "RotorCore",
                "RotorProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RotorProtocolTests",
            dependencies: [
                "RotorProtocol",
                "RotorProtocolFuzzing",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .testTarget(
            name: "RotorCoreTests",
            dependencies: ["RotorCore", "RotorProtocol", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "RotorEngineTests",
            dependencies: ["RotorEngine", "RotorCore", "RotorProtocol", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "RotorTokensTests",
            dependencies: [
                "RotorTokens", "RotorCore", .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RotorCLITests",
            dependencies: ["RotorCLI", "RotorConfig", "RotorTokens", "RotorCore"]
        ),
        .testTarget(
            name: "RotorConfigTests",
            dependencies: ["RotorConfig", "RotorCore", "RotorTokens", "RotorNode"]
        ),
        .testTarget(
            name: "RotorAPITests",
            dependencies: [
                "RotorAPI", "RotorNode", "RotorEngine", "RotorSimulation", "RotorCore", "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RotorNodeTests",
            dependencies: [
                "RotorConformance", "RotorNode", "RotorSimulation", "RotorTokens", "RotorConfig", "RotorEngine", "RotorCore",
                "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RotorConformanceTests",
            dependencies: [
                "RotorConformance", "RotorProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "RotorServerTests",
            dependencies: [
                "RotorServer", "RotorConfig", "RotorAPI", "RotorNode", "RotorCore", "RotorProtocol",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
    ]
)
