import OrderedCollections
import TOMLKit

/// Reads a TOML document into a `ConfigValue` tree; dates and times become their TOML text.
enum TOMLConfigParser {
    /// Parses `text` as one TOML table.
    static func parse(_ text: String) throws -> ConfigValue {
        convert(try TOMLTable(string: text))
    }

    private static func convert(_ value: any TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .bool: return .bool(value.bool ?? false)
        case .int: return .int(value.int ?? 0)
        case .double: return .double(value.double ?? 0)
        case .string: return .string(value.string ?? "")
        case .array: return .array(value.array.map { $0.map(convert) } ?? [])
        case .table:
            var object = OrderedDictionary<String, ConfigValue>()
            for (key, element) in value.table ?? TOMLTable() {
                object[key] = convert(element)
            }
            return .object(object)
        case .date, .time, .dateTime:
            return .string(value.tomlValue.debugDescription)
        }
    }
}
