import RotorConformance
import RotorCore

extension SessionReplayer {
    /// Gaps of at least this much in either run are timer-driven (pings, pong timeout, TCP drop) and are
    /// compared; shorter ones are just processing time.
    static let timedGap: Duration = .milliseconds(500)

    /// Checks that timer-driven server output came as long after the preceding event as in the recording
    /// (±250 ms + 5 %). The first ping of a connection is exempt: the reference picks it at random.
    func timingDifference() -> String? {
        var times = eventTimes
        var pingSeqs: Set<Int> = []
        for label in labels {
            guard let comparison = comparisons[label] else { continue }
            let arrivals = outputTimes(of: label)
            for match in comparison.matches {
                times[match.seq] = max(times[match.seq] ?? arrivals[match.actualIndex], arrivals[match.actualIndex])
                if match.isPing { pingSeqs.insert(match.seq) }
            }
        }
        var pingedConnections: Set<String> = []
        let events = session.events
        for (index, event) in events.enumerated() where index > 0 && event.direction == .serverToClient {
            if pingSeqs.contains(event.seq), pingedConnections.insert(event.conn).inserted { continue }
            let previous = events[index - 1]
            guard let arrived = times[event.seq], let before = times[previous.seq] else { continue }
            let recordedGap = Duration.milliseconds(event.ms - previous.ms)
            let replayedGap = arrived - before
            guard max(recordedGap, replayedGap) >= Self.timedGap else { continue }
            let tolerance = Duration.milliseconds(250) + recordedGap / 20
            if replayedGap > recordedGap + tolerance || replayedGap < recordedGap - tolerance {
                let what = "\(event.conn) seq \(event.seq): came \(replayedGap) after seq \(previous.seq)"
                return "\(what); recorded \(recordedGap)"
            }
        }
        return nil
    }
}
