import RotorCore

extension Simulation {
    /// Plays the scenario and checks every invariant:
    ///
    /// 1. active phase: clients start, publish, go away and come back, unsubscribe and resubscribe, leave for
    ///    good; the API publishes; links break, the clock jumps, the engine fails — as the scenario says;
    /// 2. settle phase: no more publications or faults; every client must settle (connected, subscribed,
    ///    caught up), then deliveries, recoveries, presence and the hub are checked;
    /// 3. every client leaves; after the drain time nothing may be left in the node or the engine.
    public func run() -> SimulationReport {
        let activeStart = now
        let activeEnd = activeStart + scenario.activeDuration
        planClients(from: activeStart, to: activeEnd)
        isActive = true
        setEngineFaults(scenario.engineFaults)
        network.conditions = scenario.network
        startRecurringActivity()

        // The clock jumps at planned moments of the active phase, which it then lengthens.
        let jumps = scenario.clockJumps.map { size in
            (offset: random.duration(in: scenario.startSpread...(scenario.activeDuration * 0.8)), size: size)
        }.sorted { $0.offset < $1.offset }
        var shift = Duration.zero
        for jump in jumps {
            scheduler.run(until: activeStart + jump.offset + shift)
            jumpClock(by: jump.size)
            shift += jump.size
        }
        scheduler.run(until: activeEnd + shift)

        isActive = false
        setEngineFaults(nil)
        network.conditions = .calm
        trace?("settle phase")
        advance(by: scenario.settleDuration)

        var checker = InvariantChecker(simulation: self)
        checker.checkSettledState()
        trace?("everyone leaves")
        leaveAll()
        advance(by: scenario.drainDuration)
        checker.checkNothingLeft()
        stop()
        return checker.report()
    }

    /// Checks what must hold once the clients settled (no faults pending): every client settled, deliveries
    /// and recoveries agree with the ledger, API publishes, presence and hub.
    public func checkSettledState() -> SimulationReport {
        var checker = InvariantChecker(simulation: self)
        checker.checkSettledState()
        return checker.report()
    }

    /// Every client leaves; after `scenario.drainDuration` nothing may be left in the node or the engine.
    public func leaveAndCheckNothingLeft() -> SimulationReport {
        leaveAll()
        advance(by: scenario.drainDuration)
        var checker = InvariantChecker(simulation: self)
        checker.checkNothingLeft()
        return checker.report()
    }

    /// Creates the scenario's clients and schedules what each does.
    private func planClients(from activeStart: Timestamp, to activeEnd: Timestamp) {
        let channels = scenario.allChannels
        let window = scenario.activeDuration * 0.7
        for _ in 0..<scenario.clientCount {
            var pool = channels
            var chosen: [String] = []
            let count = min(random.int(in: scenario.channelsPerClient), pool.count)
            for _ in 0..<count { chosen.append(pool.remove(at: random.int(in: 0...(pool.count - 1)))) }
            let user = random.chance(scenario.userFraction) ? "u\(random.int(in: 0...(scenario.userCount - 1)))" : nil
            let client = addClient(channels: chosen, user: user)
            at(activeStart + random.duration(in: .zero...scenario.startSpread)) { client.start() }

            let behaviourStart = activeStart + scenario.startSpread
            if random.chance(scenario.leaveForGoodFraction) {
                at(behaviourStart + random.duration(in: .zero...window)) { client.leave() }
                continue
            }
            if random.chance(scenario.awayProbability) {
                let leaving = behaviourStart + random.duration(in: .zero...window)
                var returning = leaving + random.duration(in: scenario.awayDuration)
                if returning > activeEnd { returning = activeEnd }
                at(leaving) { client.leave() }
                at(returning) { client.start() }
            }
            if random.chance(scenario.resubscribeProbability), !chosen.isEmpty {
                let channel = random.element(of: chosen)
                let leaving = behaviourStart + random.duration(in: .zero...window)
                var returning = leaving + random.duration(in: .milliseconds(10)...(.seconds(5)))
                if returning > activeEnd { returning = activeEnd }
                at(leaving) { client.unsubscribe(channel) }
                at(returning) { client.subscribe(channel) }
            }
        }
    }

    /// Publications and link breaks, at random gaps, while the active phase lasts.
    private func startRecurringActivity() {
        let channels = scenario.allChannels
        if let interval = scenario.apiPublishInterval, !channels.isEmpty {
            repeatWhileActive(meanGap: interval) { simulation in
                simulation.publish(to: simulation.random.element(of: channels))
            }
        }
        if let interval = scenario.clientPublishInterval, !clients.isEmpty {
            repeatWhileActive(meanGap: interval) { simulation in
                let client = simulation.random.element(of: simulation.clients)
                guard client.phase == .connected, !client.channels.isEmpty else { return }
                client.publish(simulation.nextPayload(), to: simulation.random.element(of: client.channels))
            }
        }
        if let interval = scenario.linkBreakInterval {
            repeatWhileActive(meanGap: interval) { simulation in
                let links = simulation.network.openLinks
                guard !links.isEmpty else { return }
                let link = simulation.random.element(of: links)
                simulation.trace?("network: breaking link \(link.id)")
                link.breakLink()
            }
        }
    }

    private func repeatWhileActive(meanGap: Duration, _ action: @escaping (Simulation) -> Void) {
        _ = scheduler.schedule(at: now + random.gap(mean: meanGap)) { [weak self] in
            guard let self, self.isActive else { return }
            action(self)
            self.repeatWhileActive(meanGap: meanGap, action)
        }
    }

    private func at(_ time: Timestamp, _ work: @escaping () -> Void) {
        _ = scheduler.schedule(at: time, work)
    }
}
