package dev.comeback.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTest {
    @Test
    void percentilesAreNearestRankOverEverythingRecorded() {
        Samples samples = new Samples();
        for (int i = 100; i >= 1; i--) {
            samples.add(i);
        }

        Samples.Summary s = samples.summary();

        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50);
        assertThat(s.p99()).isEqualTo(99);
        assertThat(s.max()).isEqualTo(100);
        assertThat(samples.percentile(0)).isEqualTo(1);
        assertThat(samples.percentile(100)).isEqualTo(100);
    }

    @Test
    void aSingleSlowValueShowsInTheP99OfAHundredOnlyAsTheMax() {
        Samples samples = new Samples();
        for (int i = 0; i < 99; i++) {
            samples.add(5);
        }
        samples.add(1_000);

        assertThat(samples.summary().p99()).isEqualTo(5);
        assertThat(samples.summary().max()).isEqualTo(1_000);
    }

    @Test
    void mergingKeepsEveryValueAndGrowsPastTheFirstArray() {
        Samples a = new Samples();
        Samples b = new Samples();
        for (int i = 0; i < 3_000; i++) {
            a.add(i);
            b.add(3_000 + i);
        }

        Samples all = Samples.merge(List.of(a, b));

        assertThat(all.count()).isEqualTo(6_000);
        assertThat(all.summary().p50()).isEqualTo(2_999);
        assertThat(all.summary().max()).isEqualTo(5_999);
    }

    @Test
    void nothingRecordedSummarisesAsZeros() {
        assertThat(new Samples().summary()).isEqualTo(new Samples.Summary(0, 0, 0, 0));
    }
}
