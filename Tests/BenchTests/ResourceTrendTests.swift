@testable import badgekiosk
import Testing

@Suite("Resource trend")
struct ResourceTrendTests {
    /// Settled samples of (seconds into a 100 s run, kilobytes, descriptors).
    private func trend(_ values: [(Double, Int, Int)], sinceStart: Double = 15) -> ResourceTrend {
        ResourceTrend(samples: values.map { .init(at: $0.0, sinceStart: sinceStart, residentKilobytes: $0.1, descriptors: $0.2) },
                      seconds: 100)
    }

    @Test func halvesAreComparedByTheirMedians() throws {
        let result = trend([(10, 20_000, 30), (20, 21_000, 31), (30, 90_000, 60),
                            (60, 21_000, 31), (70, 22_000, 32), (80, 21_500, 30)])
        let first = try #require(result.first)
        let second = try #require(result.second)
        #expect(first.count == 3 && second.count == 3)
        #expect(first.medianKilobytes == 21_000 && first.maxKilobytes == 90_000)
        #expect(second.medianKilobytes == 21_500 && second.medianDescriptors == 31 && second.maxDescriptors == 32)
        #expect(result.memoryFlat && result.descriptorsFlat)
        #expect(result.descriptorChange == 0)
    }

    @Test func growthBeyondTenPercentIsNotFlat() {
        let result = trend([(10, 20_000, 30), (60, 22_100, 30)])
        #expect(!result.memoryFlat)
        #expect(result.descriptorsFlat)
        #expect(trend([(10, 20_000, 30), (60, 22_000, 30)]).memoryFlat)
    }

    @Test func fiveMoreDescriptorsAreNotFlatButFourAre() {
        #expect(!trend([(10, 20_000, 30), (60, 20_000, 35)]).descriptorsFlat)
        #expect(trend([(10, 20_000, 30), (60, 20_000, 34)]).descriptorsFlat)
    }

    @Test func lessInTheSecondHalfIsFlat() {
        let result = trend([(10, 30_000, 40), (60, 20_000, 30)])
        #expect(result.memoryFlat && result.descriptorsFlat)
        #expect((result.memoryChange ?? 0) < 0)
    }

    @Test func samplesSoonAfterAStartDoNotCount() {
        let result = ResourceTrend(samples: [
            .init(at: 10, sinceStart: 12, residentKilobytes: 20_000, descriptors: 30),
            .init(at: 60, sinceStart: 3, residentKilobytes: 90_000, descriptors: 90),
            .init(at: 70, sinceStart: 13, residentKilobytes: 20_500, descriptors: 30),
        ], seconds: 100)
        #expect(result.second?.count == 1)
        #expect(result.memoryFlat)
    }

    @Test func aHalfWithoutSamplesShowsNothingSoIsNotFlat() {
        let result = trend([(10, 20_000, 30), (20, 20_000, 30)])
        #expect(result.second == nil)
        #expect(result.memoryChange == nil)
        #expect(!result.memoryFlat && !result.descriptorsFlat)
    }
}
