// swift-tools-version:6.1
import PackageDescription

// The root package is a path dependency, whose identity is the name of its directory (`main` in
// /work/main, something else in a differently named clone), so it is computed here.
let rootIdentity = String(Context.packageDirectory.split(separator: "/").dropLast().last ?? "rotor").lowercased()

let package = Package(
    name: "RotorBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Inputs shared by the benchmarks and the profiler.
        .target(
            name: "BenchmarkInputs",
            dependencies: [
                .product(name: "RotorProtocol", package: rootIdentity),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/BenchmarkInputs"
        ),
        .executableTarget(
            name: "CodecBenchmarks",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RotorProtocol", package: rootIdentity),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/CodecBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // One publication fanned out to 10,000 in-process subscribers through the node's hub.
        .executableTarget(
            name: "FanOutBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RotorProtocol", package: rootIdentity),
                .product(name: "RotorCore", package: rootIdentity),
                .product(name: "RotorEngine", package: rootIdentity),
                .product(name: "RotorNode", package: rootIdentity),
                .product(name: "RotorSimulation", package: rootIdentity),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/FanOutBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // A plain loop over one codec operation, to run under valgrind --tool=callgrind.
        .executableTarget(
            name: "ProfileCodec",
            dependencies: [
                "BenchmarkInputs",
                .product(name: "RotorProtocol", package: rootIdentity),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/ProfileCodec"
        ),
    ]
)
