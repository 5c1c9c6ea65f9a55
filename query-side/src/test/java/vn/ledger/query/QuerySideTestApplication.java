package vn.ledger.query;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The query side alone, for its tests: events are published into an in-memory event log (the real one belongs to
 * the command side), and the views are written to a real PostgreSQL.
 */
@SpringBootApplication
public class QuerySideTestApplication {

    @Bean
    EventStorageEngine inMemoryEventLog() {
        return new InMemoryEventStorageEngine();
    }
}
