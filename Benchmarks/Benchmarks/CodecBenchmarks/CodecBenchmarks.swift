import Benchmark
import BenchmarkInputs
import NIOCore
import RotorProtocol

// Codec hot paths of the client protocol, in both encodings:
//  - decoding the three commands a client sends most (connect, subscribe, publish);
//  - encoding a publication push, which the server does once per publication and shares with every
//    subscriber (the fan-out path).
// Each sample runs 1000 operations (scalingFactor .kilo); the table shows the cost of one.

/// Fails loudly if a decoded command is not what the input says, so a broken codec is not timed.
func check(_ condition: Bool, _ what: String) {
    if !condition { fatalError("benchmark input check failed: \(what)") }
}

var configuration: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 2_000
    )
}

let benchmarks: @Sendable () -> Void = {
    for codec in [MessageCodec.json, MessageCodec.protobuf] {
        let name = codec.encoding == .json ? "JSON" : "Protobuf"

        Benchmark("\(name) decode connect command", configuration: configuration) { benchmark in
            let buffer = input(connectJSON, for: codec)
            let sample = try codec.decode(Command.self, from: buffer)
            check(sample.id == 1 && sample.connect?.token == connectToken && sample.connect?.name == "js", "connect")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try codec.decode(Command.self, from: buffer))
            }
        }

        Benchmark("\(name) decode subscribe command", configuration: configuration) { benchmark in
            let buffer = input(subscribeJSON, for: codec)
            let sample = try codec.decode(Command.self, from: buffer)
            check(sample.id == 2 && sample.subscribe?.channel == "chat:index", "subscribe")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try codec.decode(Command.self, from: buffer))
            }
        }

        Benchmark("\(name) decode publish command", configuration: configuration) { benchmark in
            let buffer = input(publishJSON, for: codec)
            let sample = try codec.decode(Command.self, from: buffer)
            check(
                sample.id == 3 && sample.publish?.channel == "chat:index"
                    && sample.publish?.data == ByteBuffer(string: payload100),
                "publish"
            )
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try codec.decode(Command.self, from: buffer))
            }
        }

        Benchmark("\(name) encode publication push", configuration: configuration) { benchmark in
            let reply = makePublicationPush()
            let allocator = ByteBufferAllocator()
            var sample = allocator.buffer(capacity: 512)
            try codec.encode(reply, into: &sample)
            check(sample.readableBytes > payload100.utf8.count, "encode")
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                var buffer = allocator.buffer(capacity: 512)
                try codec.encode(reply, into: &buffer)
                blackHole(buffer)
            }
        }

        // The hot path: the payload was validated once when the publication was accepted (a JSON client's
        // payload is validated by decoding it), so the shared encode skips the check.
        Benchmark("\(name) encode publication push, payload validated at ingress", configuration: configuration) {
            benchmark in
            let reply = makePublicationPush()
            let allocator = ByteBufferAllocator()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                var buffer = allocator.buffer(capacity: 512)
                try codec.encode(reply, into: &buffer, payloadsAreValidJSON: true)
                blackHole(buffer)
            }
        }

        // The encoder alone: one buffer, cleared before each encode, so no allocation is counted.
        Benchmark("\(name) encode publication push, reused buffer", configuration: configuration) { benchmark in
            let reply = makePublicationPush()
            var buffer = ByteBufferAllocator().buffer(capacity: 512)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                buffer.clear()
                try codec.encode(reply, into: &buffer)
                blackHole(buffer.readableBytes)
            }
        }
    }

    // What the pre-allocated buffer of the encode benchmarks costs by itself.
    Benchmark("Baseline: ByteBufferAllocator.buffer(capacity: 512)", configuration: configuration) { benchmark in
        let allocator = ByteBufferAllocator()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(allocator.buffer(capacity: 512))
        }
    }
}
