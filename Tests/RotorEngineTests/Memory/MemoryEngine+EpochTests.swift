import RotorEngine
import RotorProtocol
import Testing

@Suite struct MemoryEngineEpochTests {
    /// Whether `epoch` is four ASCII letters.
    private func isMemoryEpoch(_ epoch: String) -> Bool {
        epoch.utf8.count == 4 && epoch.utf8.allSatisfy { (65...90).contains($0) || (97...122).contains($0) }
    }

    @Test func randomEpochsAreFourLettersAndReproducibleFromASeed() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        let epochs = (0..<200).map { _ in MemoryEngine.randomEpoch(using: &first) }
        #expect(epochs == (0..<200).map { _ in MemoryEngine.randomEpoch(using: &second) })
        #expect(epochs.allSatisfy(isMemoryEpoch))
        #expect(Set(epochs).count > 190)
        #expect(Set(epochs.joined()).count == 52)  // Every letter of [a-zA-Z] shows up.
        #expect(isMemoryEpoch(MemoryEngine.randomEpoch()))
    }

    @Test func engineDrawsEpochsFromTheGivenGenerator() throws {
        var reference = SplitMix64(seed: 99)
        let expected = (0..<3).map { _ in MemoryEngine.randomEpoch(using: &reference) }
        let engine = MemoryEngine(scheduler: ManualScheduler(), epochGenerator: SplitMix64(seed: 99))
        let epochs = try ["a", "b", "c"].map { try engine.historyNow($0).position.epoch }
        #expect(epochs == expected)
    }

    @Test func defaultEngineUsesRandomEpochs() throws {
        let engine = MemoryEngine(scheduler: ManualScheduler())
        #expect(isMemoryEpoch(try engine.publishNow("chat", "x").epoch))
    }
}
