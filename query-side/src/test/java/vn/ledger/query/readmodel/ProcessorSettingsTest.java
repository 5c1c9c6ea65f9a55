package vn.ledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessorSettingsTest {

    @Test
    void namesTheInstanceAsAxonDoesUnlessToldOtherwise() {
        String pid = Long.toString(ProcessHandle.current().pid());
        assertThat(new ProcessorSettings(2, Duration.ofSeconds(10), Duration.ofSeconds(2), null, null).nodeId())
                .startsWith(pid + "@");
        assertThat(new ProcessorSettings(2, Duration.ofSeconds(10), Duration.ofSeconds(2), " query-1 ", null).nodeId())
                .isEqualTo("query-1");
    }

    @Test
    void rejectsAClaimTimeoutThatAClaimExtendedEverySecondCouldOutlive() {
        assertThatThrownBy(() -> new ProcessorSettings(2, Duration.ofSeconds(2), Duration.ofSeconds(1), null, null))
                .hasMessageContaining("claim-timeout");
    }

    @Test
    void rejectsFewerThanOneSegment() {
        assertThatThrownBy(() -> new ProcessorSettings(0, Duration.ofSeconds(10), Duration.ofSeconds(2), null, null))
                .hasMessageContaining("segments");
    }
}
