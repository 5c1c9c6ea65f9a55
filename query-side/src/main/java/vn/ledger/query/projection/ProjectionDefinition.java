package vn.ledger.query.projection;

import java.util.function.Supplier;

/**
 * A projection that is rebuilt blue/green. Its processing group (the live processor) has the projection's
 * {@link #name()}; its tables are made by Flyway from {@link #migrations()} in each generation's schema.
 */
public interface ProjectionDefinition {

    /** The versioned name, e.g. {@code stats-v1}: also its processing group. */
    String name();

    /** Flyway location of the tables of one generation, with unqualified table names. */
    String migrations();

    /** A writer for the generation in {@code schema}, which the supplier answers each time it is asked. */
    ProjectionWriter writer(Supplier<String> schema);
}
