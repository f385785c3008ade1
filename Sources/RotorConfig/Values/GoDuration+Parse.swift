extension GoDuration {
    /// Why a duration string was rejected; `description` is Go's `time.ParseDuration` message.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Not a duration at all (also: out of range).
        case invalid(String)
        /// A number without a unit (only `0` may omit it).
        case missingUnit(String)
        /// A unit other than ns, us, µs, μs, ms, s, m, h.
        case unknownUnit(unit: String, input: String)

        /// Go's message, e.g. `time: missing unit in duration "300"`.
        public var description: String {
            switch self {
            case .invalid(let input): "time: invalid duration \(goQuote(input))"
            case .missingUnit(let input): "time: missing unit in duration \(goQuote(input))"
            case .unknownUnit(let unit, let input):
                "time: unknown unit \(goQuote(unit)) in duration \(goQuote(input))"
            }
        }
    }

    /// Parses a Go duration: an optional sign, then one or more decimal numbers each with a unit (`300ms`,
    /// `-1.5h`, `2h45m`); a lone `0` needs no unit.
    public init(parsing input: String) throws(ParseError) {
        var bytes = Array(input.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        if bytes.elementsEqual("0".utf8) {
            self.init(nanoseconds: 0)
            return
        }
        if bytes.isEmpty { throw .invalid(input) }
        var total: UInt64 = 0
        while !bytes.isEmpty {
            guard let first = bytes.first, first == UInt8(ascii: ".") || Self.isDigit(first) else {
                throw .invalid(input)
            }
            let (whole, wholeDigits, wholeOverflow) = Self.leadingInt(&bytes)
            if wholeOverflow { throw .invalid(input) }
            var fraction: UInt64 = 0
            var scale: Double = 1
            var fractionDigits = 0
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                (fraction, scale, fractionDigits) = Self.leadingFraction(&bytes)
            }
            if wholeDigits == 0 && fractionDigits == 0 { throw .invalid(input) }
            let unitBytes = bytes.prefix { $0 != UInt8(ascii: ".") && !Self.isDigit($0) }
            bytes = bytes.dropFirst(unitBytes.count)
            if unitBytes.isEmpty { throw .missingUnit(input) }
            let unitName = String(decoding: unitBytes, as: UTF8.self)
            guard let unit = Self.unit(unitName) else { throw .unknownUnit(unit: unitName, input: input) }
            if whole > Self.limit / unit { throw .invalid(input) }
            var value = whole * unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                if value > Self.limit { throw .invalid(input) }
            }
            total += value
            if total > Self.limit { throw .invalid(input) }
        }
        if negative {
            self.init(nanoseconds: total == Self.limit ? .min : -Int64(total))
        } else {
            if total > UInt64(Int64.max) { throw .invalid(input) }
            self.init(nanoseconds: Int64(total))
        }
    }

    /// 2^63, the largest magnitude Go accepts while parsing.
    private static let limit: UInt64 = 1 << 63

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Consumes leading digits: value, digit count, overflow.
    private static func leadingInt(_ bytes: inout ArraySlice<UInt8>) -> (UInt64, Int, Bool) {
        var value: UInt64 = 0
        var count = 0
        var overflow = false
        while let byte = bytes.first, isDigit(byte) {
            if value > Self.limit / 10 {
                overflow = true
            } else {
                value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
                if value > Self.limit { overflow = true }
            }
            count += 1
            bytes = bytes.dropFirst()
        }
        return (value, count, overflow)
    }

    /// Consumes fraction digits (dropping precision beyond what fits, like Go): value, scale, digit count.
    private static func leadingFraction(_ bytes: inout ArraySlice<UInt8>) -> (UInt64, Double, Int) {
        var value: UInt64 = 0
        var scale: Double = 1
        var count = 0
        var overflow = false
        while let byte = bytes.first, isDigit(byte) {
            if !overflow {
                if value > UInt64(Int64.max) / 10 {
                    overflow = true
                } else {
                    let next = value * 10 + UInt64(byte - UInt8(ascii: "0"))
                    if next > UInt64(Int64.max) {
                        overflow = true
                    } else {
                        value = next
                        scale *= 10
                    }
                }
            }
            count += 1
            bytes = bytes.dropFirst()
        }
        return (value, scale, count)
    }

    private static func unit(_ name: String) -> UInt64? {
        switch name {
        case "ns": nanosecond
        case "us", "\u{00B5}s", "\u{03BC}s": microsecond
        case "ms": millisecond
        case "s": second
        case "m": minute
        case "h": hour
        default: nil
        }
    }
}

/// Go's `strconv.Quote` for the ASCII-printable and UTF-8 text configuration values contain.
func goQuote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
