package vn.ledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.ledger.standalone.Http.Answer;

/** The limits of a roster import, set low here: file size and row count answer 413, a long cell is a row error. */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterImportLimitsHttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestSupport.freshLedger(registry);
        registry.add("ledger.import.max-file-bytes", () -> "8192");
        registry.add("ledger.import.max-rows", () -> "20");
    }

    @LocalServerPort
    int port;

    @Test
    void aFileOverTheSizeLimitIs413BeforeItIsRead() {
        byte[] large = new byte[8193 + 70 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');

        Answer answer = LedgerTestSupport.admin(port).upload(RosterImportHttpTest.IMPORTS, "lon.csv", large, Map.of());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("body-too-large");
    }

    @Test
    void aFileJustOverTheFileLimitIs413() {
        byte[] large = new byte[8193];
        java.util.Arrays.fill(large, (byte) 'a');

        Answer answer = LedgerTestSupport.admin(port).upload(RosterImportHttpTest.IMPORTS, "lon.csv", large, Map.of());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("file-too-large");
    }

    @Test
    void aChunkedUploadWithoutContentLengthIsRefusedWhileItIsRead() throws Exception {
        String boundary = "chunked-test";
        byte[] file = new byte[64 * 1024];
        java.util.Arrays.fill(file, (byte) 'a');
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + RosterImportHttpTest.IMPORTS))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + LedgerTestSupport.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                // a stream publisher has no length: the request goes chunked, without Content-Length
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();

        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"file-too-large\"");
    }

    @Test
    void moreRowsThanTheLimitIs413() {
        StringBuilder csv = new StringBuilder(String.join(",", SeedRoster.HEADER)).append('\n');
        for (int i = 1; i <= 21; i++) {
            csv.append("Chi bộ X,Chi bộ,,Nguyễn Văn ").append(i).append(",55.").append(1000 + i)
                    .append(",Chính thức,01/01/2010,,\n");
        }

        Answer answer = LedgerTestSupport.admin(port).upload(RosterImportHttpTest.IMPORTS + "?dryRun=true", "a.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("too-many-rows");
    }

    @Test
    void aCellLongerThanItsColumnAllowsIsARowError() {
        String csv = String.join(",", SeedRoster.HEADER) + "\n"
                + "Chi bộ Y,Chi bộ,," + "Nguyễn Văn A".repeat(30) + ",55.2001,Chính thức,01/01/2010,,\n";

        Answer answer = LedgerTestSupport.admin(port).upload(RosterImportHttpTest.IMPORTS + "?dryRun=true", "a.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("errors").get(0).path("code").asString()).isEqualTo("too-long");
        assertThat(answer.body().path("errors").get(0).path("row").asInt()).isEqualTo(2);
        assertThat(answer.body().path("errors").get(0).path("column").asString()).isEqualTo("Họ và tên");
    }
}
