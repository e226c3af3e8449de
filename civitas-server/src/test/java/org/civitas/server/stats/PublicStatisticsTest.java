package org.civitas.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PublicStatisticsTest {

    private static Map<Integer, Integer> bands(int... fromAndCount) {
        Map<Integer, Integer> bands = new TreeMap<>();
        for (int i = 0; i < fromAndCount.length; i += 2) {
            bands.put(fromAndCount[i], fromAndCount[i + 1]);
        }
        return bands;
    }

    @Test
    void bandsAreTwentyFivePointsWideAndStartAtTheirLowerBound() {
        assertThat(PublicStatistics.bandOf(1000.0)).isEqualTo(1000);
        assertThat(PublicStatistics.bandOf(999.99)).isEqualTo(975);
        assertThat(PublicStatistics.bandOf(975.0)).isEqualTo(975);
        assertThat(PublicStatistics.bandOf(-3.5)).isEqualTo(-25);
    }

    @Test
    void nothingIsSuppressedWhenEveryBandIsLargeEnough() {
        assertThat(PublicStatistics.suppressedBands(bands(975, 20, 1000, 31))).isEmpty();
    }

    @Test
    void aSmallBandIsSuppressedWithTheSmallestOthersUntilItCannotBeWorkedOutFromTheTotal() {
        assertThat(PublicStatistics.suppressedBands(bands(950, 30, 975, 5, 1000, 40, 1025, 25)))
                .containsExactlyInAnyOrder(975, 1025);
        assertThat(PublicStatistics.suppressedBands(bands(950, 3, 975, 4, 1000, 40, 1025, 60)))
                .containsExactlyInAnyOrder(950, 975, 1000);
        assertThat(PublicStatistics.suppressedBands(bands(950, 12, 975, 9, 1000, 40)))
                .as("two small bands together hold enough").containsExactlyInAnyOrder(950, 975);
    }
}
