package vn.ledger.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages speak both languages completely, and every problem the API can answer has words in each. */
class MessagesTest {

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyProblemCodeOfTheReadmeHasAMessageInBothLanguages() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| (\\d{3}) \\|(.*)$");
        Pattern code = Pattern.compile("`([a-z0-9-]+)`");
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            Matcher status = row.matcher(line);
            if (status.matches()) {
                Matcher codeMatcher = code.matcher(status.group(2));
                while (codeMatcher.find()) {
                    codes.add(codeMatcher.group(1));
                }
            }
        }
        assertThat(codes).as("the README's error table").hasSizeGreaterThan(50);
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Set<String> keys = load(bundle).stringPropertyNames();
            assertThat(codes.stream().filter(c -> !keys.contains("problem." + c)).toList())
                    .as("codes without a message in %s", bundle).isEmpty();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
