// swift-tools-version:6.0
// libFuzzer harnesses for RotorProtocol: see README.md. Build through ./run, which passes the
// sanitizer flags (-sanitize=fuzzer,address -parse-as-library) that the executable needs.
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, which depends on where the repository is checked out.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "RotorFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        // Calls libFuzzer's driver from the executable's entry point (see FuzzerDriver.h).
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "RotorFuzz",
            dependencies: [
                "FuzzerDriver",
                .product(name: "RotorProtocolFuzzing", package: rootIdentity),
            ]
        ),
    ]
)
