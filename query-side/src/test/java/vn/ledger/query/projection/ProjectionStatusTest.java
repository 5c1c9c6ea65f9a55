package vn.ledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ledger.embedded.TestDatabases;

/**
 * A view's position when its processor has several segments, as the token table holds them: everything up to the
 * slowest segment's position is in the view, and nothing is promised while a segment has handled nothing yet.
 */
@SpringBootTest
class ProjectionStatusTest {

    private static final String PROCESSOR = "two-segments-v1";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabases.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabases::user);
    }

    @Autowired
    TokenStore tokens;

    @Autowired
    ProjectionStatus status;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aViewIsAsFarAsItsSlowestSegmentAndNowhereWhileASegmentHasNoPosition() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(tx -> tokens.initializeTokenSegments(PROCESSOR, 2));
        assertThat(status.position(PROCESSOR)).isNull();

        transaction.executeWithoutResult(tx -> tokens.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0));
        assertThat(status.position(PROCESSOR)).as("segment 1 has handled nothing yet").isNull();

        transaction.executeWithoutResult(tx -> tokens.storeToken(new GlobalSequenceTrackingToken(4), PROCESSOR, 1));
        assertThat(status.position(PROCESSOR)).isEqualTo(4);

        transaction.executeWithoutResult(tx -> tokens.storeToken(new GlobalSequenceTrackingToken(9), PROCESSOR, 1));
        assertThat(status.position(PROCESSOR)).isEqualTo(7);
    }
}
