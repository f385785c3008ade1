import NIOPosix

/// The deflaters and the inflater of one event-loop thread. Neither direction keeps context between
/// messages, so every WebSocket connection of a thread shares them instead of holding ~300 KiB of zlib
/// state each.
final class CompressorCache: @unchecked Sendable {
    private static let perThread = ThreadSpecificVariable<CompressorCache>()

    /// The cache of the calling thread (created on first use). Only used on that thread.
    static var current: CompressorCache {
        if let cache = perThread.currentValue { return cache }
        let cache = CompressorCache()
        perThread.currentValue = cache
        return cache
    }

    private var deflaters: [Int: Deflater] = [:]
    /// The thread's inflater.
    private(set) lazy var inflater = Inflater()

    /// The thread's deflater for `level` and `windowBits`.
    func deflater(level: Int, windowBits: Int) -> Deflater {
        let key = level << 8 | windowBits
        if let deflater = deflaters[key] { return deflater }
        let deflater = Deflater(level: level, windowBits: windowBits)
        deflaters[key] = deflater
        return deflater
    }
}
