package vn.ledger.query.sheet;

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

class SheetLanguageTest {

    @Test
    void bothLanguagesHaveEveryTextInNfc() {
        Set<String> vietnamese = keys(SheetLanguage.VI);
        assertThat(keys(SheetLanguage.EN)).isEqualTo(vietnamese);
        for (GuestCategory category : GuestCategory.values()) {
            assertThat(vietnamese).contains("guest." + category.name());
        }
        for (SheetLanguage language : SheetLanguage.values()) {
            for (String key : vietnamese) {
                String text = language.text(key);
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as(language + " " + key).isTrue();
            }
        }
        assertThat(SheetLanguage.VI.text("title")).isEqualTo("DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHUYÊN ĐỀ");
        assertThat(SheetLanguage.EN.text("expected.heading", 1200)).isEqualTo("I. Members expected (1200)");
    }

    @Test
    void vietnameseUnlessEnglishIsAskedForOrPreferred() {
        assertThat(SheetLanguage.parseOrNull("en")).isEqualTo(SheetLanguage.EN);
        assertThat(SheetLanguage.parseOrNull("EN-us")).isEqualTo(SheetLanguage.EN);
        assertThat(SheetLanguage.parseOrNull("vi_VN")).isEqualTo(SheetLanguage.VI);
        assertThat(SheetLanguage.parseOrNull("fr")).isNull();
        assertThat(SheetLanguage.fromAcceptLanguage(null)).isEqualTo(SheetLanguage.VI);
        assertThat(SheetLanguage.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(SheetLanguage.EN);
        assertThat(SheetLanguage.fromAcceptLanguage("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7"))
                .isEqualTo(SheetLanguage.VI);
        assertThat(SheetLanguage.fromAcceptLanguage("fr-FR")).isEqualTo(SheetLanguage.VI);
        assertThat(SheetLanguage.fromAcceptLanguage("*")).isEqualTo(SheetLanguage.VI);
        assertThat(SheetLanguage.fromAcceptLanguage(";;;q=banana")).isEqualTo(SheetLanguage.VI);
    }

    /** The keys of the language's own file: a bundle's keys would include those it inherits from Vietnamese. */
    private static Set<String> keys(SheetLanguage language) {
        String file = "/" + SheetLanguage.BUNDLE.replace('.', '/')
                + (language == SheetLanguage.VI ? "" : "_" + language.locale().getLanguage()) + ".properties";
        Properties properties = new Properties();
        try (InputStream in = SheetLanguageTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HashSet<>(properties.stringPropertyNames());
    }
}
