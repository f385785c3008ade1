import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The response headers sockjs-go's handler chain adds: CORS for XHR-style routes, and caching policy.
enum SockJSHeaders {
    /// One year, in seconds.
    static let cacheSeconds = 365 * 24 * 60 * 60

    /// CORS headers when the origin check passes: the request's `Origin` (or `*` without one), the requested
    /// headers echoed, credentials allowed. Nothing when it fails.
    static func cors(_ request: HTTPRequest, check: OriginCheck, into headers: inout HTTPHeaders) {
        let origin = request.header("Origin")
        guard check.allows(origin: origin) else { return }
        headers.replaceOrAdd(
            name: "Access-Control-Allow-Origin", value: origin.flatMap { $0.isEmpty ? nil : $0 } ?? "*")
        if let requested = request.header("Access-Control-Request-Headers"), !requested.isEmpty, requested != "null" {
            headers.add(name: "Access-Control-Allow-Headers", value: requested)
        }
        headers.replaceOrAdd(name: "Access-Control-Allow-Credentials", value: "true")
    }

    /// `Cache-Control` forbidding caching.
    static func noCache(into headers: inout HTTPHeaders) {
        headers.replaceOrAdd(name: "Cache-Control", value: "no-store, no-cache, must-revalidate, max-age=0")
    }

    /// Caching for a year (`Cache-Control`, `Expires`, `Access-Control-Max-Age`).
    static func cacheForAYear(into headers: inout HTTPHeaders, now: Int = Int(time(nil))) {
        headers.replaceOrAdd(name: "Cache-Control", value: "public, max-age=\(cacheSeconds)")
        headers.replaceOrAdd(name: "Expires", value: httpDate(secondsSinceEpoch: now + cacheSeconds))
        headers.replaceOrAdd(name: "Access-Control-Max-Age", value: String(cacheSeconds))
    }

    /// `Mon, 02 Jan 2006 15:04:05 UTC` (Go's RFC 1123 layout in UTC).
    static func httpDate(secondsSinceEpoch: Int) -> String {
        let days = secondsSinceEpoch.quotientAndRemainder(dividingBy: 86400)
        let (day, secondOfDay) = days.remainder < 0 ? (days.quotient - 1, days.remainder + 86400) : days
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let weekday = weekdays[((day % 7) + 7) % 7]
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(dayOfMonth)) \(months[month - 1]) \(year) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) UTC"
    }
}
