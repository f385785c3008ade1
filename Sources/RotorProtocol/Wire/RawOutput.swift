import NIOCore

/// A write cursor over the writable region of a buffer: one reservation per message instead of dozens of
/// small checked buffer writes.
///
/// Writes past `capacity` are dropped but still counted and set `overflowed`; the encoder then grows the
/// buffer to the counted size and writes the message again, so a message is written at most twice.
struct RawOutput {
    let base: UnsafeMutableRawPointer
    let capacity: Int
    var count = 0
    private(set) var overflowed = false

    init(base: UnsafeMutableRawPointer, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    /// Whether `length` more bytes fit; if not, counts them and marks the output as overflowed.
    @inline(__always)
    mutating func fits(_ length: Int) -> Bool {
        if capacity &- count >= length { return true }
        overflowed = true
        count &+= length
        return false
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        guard fits(1) else { return }
        base.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
        count &+= 1
    }

    @inline(__always)
    mutating func bytes(_ source: UnsafeRawPointer, count length: Int) {
        guard fits(length) else { return }
        (base + count).copyMemory(from: source, byteCount: length)
        count &+= length
    }

    @inline(__always)
    mutating func bytes(_ source: UnsafeRawBufferPointer) {
        if let address = source.baseAddress { bytes(address, count: source.count) }
    }

    @inline(__always)
    mutating func staticString(_ text: StaticString) {
        bytes(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Appends `value` as decimal digits.
    @inline(__always)
    mutating func decimal(_ value: UInt64) {
        guard fits(20) else { return }
        if value < 10 {
            byte(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var digits = 0
        var rest = value
        while rest > 0 {
            digits &+= 1
            rest /= 10
        }
        rest = value
        var position = count &+ digits
        while position > count {
            position &-= 1
            base.storeBytes(of: UInt8(truncatingIfNeeded: rest % 10) &+ 0x30, toByteOffset: position, as: UInt8.self)
            rest /= 10
        }
        count &+= digits
    }

    /// Appends `value` as an unsigned LEB128 varint.
    @inline(__always)
    mutating func varint(_ value: UInt64) {
        guard fits(10) else { return }
        var rest = value
        while rest >= 0x80 {
            base.storeBytes(of: UInt8(truncatingIfNeeded: rest) | 0x80, toByteOffset: count, as: UInt8.self)
            count &+= 1
            rest >>= 7
        }
        base.storeBytes(of: UInt8(truncatingIfNeeded: rest), toByteOffset: count, as: UInt8.self)
        count &+= 1
    }
}

extension ByteBuffer {
    /// Runs `write` on the writable region (at least `initialCapacity` bytes); if it overflowed, grows the
    /// region to the size it counted and runs it again. Rethrows what `write` threw; nothing is written then.
    @inline(__always)
    mutating func writeMessage<E: Error>(initialCapacity: Int, _ write: (inout RawOutput) throws(E) -> Void) throws(E) {
        var minimum = Swift.max(initialCapacity, 64)
        while true {
            var failure: E? = nil
            var overflowed = false
            writeWithUnsafeMutableBytes(minimumWritableBytes: minimum) { region in
                var out = RawOutput(base: region.baseAddress!, capacity: region.count)
                do throws(E) {
                    try write(&out)
                } catch {
                    failure = error
                    return 0
                }
                overflowed = out.overflowed
                minimum = out.count &+ 64
                return overflowed ? 0 : out.count
            }
            if let failure { throw failure }
            if !overflowed { return }
        }
    }
}
