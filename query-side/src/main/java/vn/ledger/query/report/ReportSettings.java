package vn.ledger.query.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The report's settings, {@code ledger.report.*} (or {@code LEDGER_REPORT_*} in the environment).
 *
 * @param committeeName the Party committee the reports are of, printed in their heading (the ledger keeps its units,
 *     not the committee above them)
 */
@ConfigurationProperties("ledger.report")
record ReportSettings(@DefaultValue("Đảng ủy Sở Văn hóa, Thể thao và Du lịch") String committeeName) {

    ReportSettings {
        if (committeeName == null || committeeName.isBlank()) {
            throw new IllegalArgumentException("ledger.report.committee-name must name the committee");
        }
        committeeName = committeeName.strip();
    }
}
