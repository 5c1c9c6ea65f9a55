package vn.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ReportSettingsTest {

    @Test
    void theCommitteeIsNamedByLedgerReportCommitteeNameInTheEnvironment() {
        assertThat(bind(Map.of()).committeeName()).isEqualTo("Đảng ủy Sở Văn hóa, Thể thao và Du lịch");
        assertThat(bind(Map.of("LEDGER_REPORT_COMMITTEE_NAME", " Đảng ủy Sở Văn hóa và Thể thao ")).committeeName())
                .isEqualTo("Đảng ủy Sở Văn hóa và Thể thao");
    }

    private static ReportSettings bind(Map<String, Object> environment) {
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("ledger.report",
                ReportSettings.class);
    }
}
