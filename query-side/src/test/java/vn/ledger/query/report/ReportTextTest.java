package vn.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ledger.events.GuestCategory;
import vn.ledger.query.document.DocumentLanguage;

class ReportTextTest {

    private static final ReportText VI = new ReportText(DocumentLanguage.VI);
    private static final ReportText EN = new ReportText(DocumentLanguage.EN);

    @Test
    void bothLanguagesHaveEveryTextInNfc() {
        Set<String> vietnamese = keys(DocumentLanguage.VI);
        assertThat(keys(DocumentLanguage.EN)).isEqualTo(vietnamese);
        for (GuestCategory category : GuestCategory.values()) {
            assertThat(vietnamese).contains("guest." + category.name());
        }
        for (ReportText text : new ReportText[] {VI, EN}) {
            for (String key : vietnamese) {
                assertThat(Normalizer.isNormalized(text.text(key), Normalizer.Form.NFC))
                        .as(text.language() + " " + key).isTrue();
            }
        }
        assertThat(VI.text("title", ReportText.roman(3), 2022))
                .isEqualTo("BÁO CÁO KẾT QUẢ SINH HOẠT CHUYÊN ĐỀ QUÝ III NĂM 2022");
    }

    @Test
    void numbersAreWrittenAsEachLanguageWritesThem() {
        assertThat(VI.count(5300)).isEqualTo("5.300");
        assertThat(EN.count(5300)).isEqualTo("5,300");
        assertThat(VI.count(1234567)).isEqualTo("1.234.567");
        assertThat(VI.percent(22.0 / 23)).isEqualTo("95,7 %");
        assertThat(EN.percent(22.0 / 23)).isEqualTo("95.7%");
        assertThat(VI.percent(null)).isEqualTo("–");
        assertThat(QuarterlyReportCsv.percent(22.0 / 23)).isEqualTo("95.7");
        assertThat(QuarterlyReportCsv.percent(1.0)).isEqualTo("100.0");
        assertThat(QuarterlyReportCsv.percent(null)).isEmpty();
        assertThat(ReportText.roman(1)).isEqualTo("I");
        assertThat(ReportText.roman(4)).isEqualTo("IV");
    }

    /** The keys of the language's own file: a bundle's keys would include those it inherits from Vietnamese. */
    private static Set<String> keys(DocumentLanguage language) {
        String file = "/" + ReportText.BUNDLE.replace('.', '/')
                + (language == DocumentLanguage.VI ? "" : "_" + language.locale().getLanguage()) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = ReportTextTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HashSet<>(properties.stringPropertyNames());
    }
}
