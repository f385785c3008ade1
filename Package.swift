// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rotor",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RotorProtocol", targets: ["RotorProtocol"]),
        .library(name: "RotorProtocolFuzzing", targets: ["RotorProtocolFuzzing"]),
        .executable(name: "rotor", targets: ["rotor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
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
            name: "RotorProtocolFuzzing",
            dependencies: ["RotorProtocol", .product(name: "NIOCore", package: "swift-nio")]
        ),
        .executableTarget(
            name: "rotor",
            dependencies: ["RotorProtocol", .product(name: "NIOCore", package: "swift-nio")]
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
    ]
)
