package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every file or folder the README names in backticks exists (after the build, so the jar does too). */
class ReadmePathsIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    /**
     * Paths inside the repository: words joined by slashes, no spaces, not an URL path, a glob or a place the service
     * creates when it runs (those start with "./").
     */
    private static final Pattern PATH = Pattern.compile("`((?:[\\w-][\\w.-]*/)+[\\w.-]*)`");

    @Test
    void everyPathTheReadmeNamesExists() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> named = new ArrayList<>();
        Matcher matcher = PATH.matcher(readme);
        while (matcher.find()) {
            String path = matcher.group(1);
            if (!path.startsWith("api/") && !path.contains("*")) {
                named.add(path);
            }
        }

        assertThat(named).contains("deploy/standalone/target/ledger.jar", "shared-events/");
        assertThat(named).allSatisfy(path -> assertThat(ROOT.resolve(path)).as(path).exists());
    }
}
