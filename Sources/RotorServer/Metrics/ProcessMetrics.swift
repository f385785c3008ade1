import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `process_*` metrics of the Prometheus process collector, read from `/proc` at scrape time (Linux
/// only; elsewhere they stay at zero).
struct ProcessMetrics {
    let cpuSeconds: Counter
    let residentMemory: Gauge
    let virtualMemory: Gauge
    let openFDs: Gauge
    let maxFDs: Gauge
    let startTime: Gauge

    init(registry: MetricRegistry) {
        cpuSeconds = registry.counter(
            "process_cpu_seconds_total", help: "Total user and system CPU time spent in seconds."
        ).labels()
        residentMemory = registry.gauge(
            "process_resident_memory_bytes", help: "Resident memory size in bytes."
        ).labels()
        virtualMemory = registry.gauge(
            "process_virtual_memory_bytes", help: "Virtual memory size in bytes."
        ).labels()
        openFDs = registry.gauge("process_open_fds", help: "Number of open file descriptors.").labels()
        maxFDs = registry.gauge("process_max_fds", help: "Maximum number of open file descriptors.").labels()
        startTime = registry.gauge(
            "process_start_time_seconds", help: "Start time of the process since unix epoch in seconds."
        ).labels()
    }

    /// Reads the current values.
    func refresh() {
        #if os(Linux)
            if let stat = Self.read("/proc/self/stat"), let fields = Self.statFields(stat) {
                let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
                let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
                if ticks > 0, let user = Double(fields[11]), let system = Double(fields[12]) {
                    cpuSeconds.store((user + system) / ticks)
                }
                if let virtual = Double(fields[20]) { virtualMemory.set(virtual) }
                if let pages = Double(fields[21]) { residentMemory.set(pages * pageSize) }
                if ticks > 0, let started = Double(fields[19]), let boot = Self.bootTime() {
                    startTime.set(boot + started / ticks)
                }
            }
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
                openFDs.set(Double(entries.count))
            }
            var limit = rlimit()
            if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { maxFDs.set(Double(limit.rlim_cur)) }
        #endif
    }

    /// The fields of `/proc/self/stat` after the command name, starting with field 3 (`state`).
    static func statFields(_ stat: String) -> [Substring]? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 21 ? fields : nil
    }

    /// The system's boot time in seconds since the epoch (`btime` of `/proc/stat`).
    static func bootTime() -> Double? {
        guard let stat = read("/proc/stat") else { return nil }
        for line in stat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    static func read(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }
}
