package vn.ledger.query.projection;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of each projection readers and the live processor use. The generation is read from
 * {@code read_model.projection_generation} inside each reader's snapshot and each live batch's transaction, and
 * switched in the transaction that also moves the live processor's tokens, so a reader sees the old tables or the new
 * ones, never half of either, and every query-side instance writes the generation that is active when its batch
 * runs, whichever instance switched it.
 */
@Component
@DependsOn("readModelFlyway")
public class ProjectionRegistry implements InitializingBean {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, ProjectionDefinition> definitions;

    ProjectionRegistry(JdbcTemplate jdbc, DataSource dataSource, Clock clock, List<ProjectionDefinition> definitions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.definitions = definitions.stream()
                .collect(Collectors.toMap(ProjectionDefinition::name, Function.identity()));
    }

    /** Makes sure each projection has an active generation whose tables are migrated, before processors start. */
    @Override
    public void afterPropertiesSet() {
        for (ProjectionDefinition definition : definitions.values()) {
            jdbc.update("""
                    INSERT INTO read_model.projection_generation (projection, active_generation, switched_at)
                    VALUES (?, 1, ?) ON CONFLICT (projection) DO NOTHING
                    """, definition.name(), Timestamp.from(clock.instant()));
            migrate(definition, schemaOf(definition.name(), activeGeneration(definition.name())));
        }
    }

    public Optional<ProjectionDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    public List<String> names() {
        return definitions.keySet().stream().sorted().toList();
    }

    /**
     * The schema the live processor writes: the active generation's as committed, read once per transaction (a
     * batch of the live processor) and kept for the rest of it.
     */
    public String activeSchema(String name) {
        Map<String, String> schemas = TransactionScoped.get(this, HashMap::new);
        return schemas == null ? committedSchema(name) : schemas.computeIfAbsent(name, this::committedSchema);
    }

    /** The active generation as committed, read in the caller's transaction (a reader's snapshot). */
    public int activeGeneration(String name) {
        return jdbc.queryForObject(
                "SELECT active_generation FROM read_model.projection_generation WHERE projection = ?",
                Integer.class, name);
    }

    /** The active schema as committed, read in the caller's transaction (a reader's snapshot). */
    public String committedSchema(String name) {
        return schemaOf(name, activeGeneration(name));
    }

    /** Creates empty tables for generation {@code generation}, dropping whatever an earlier attempt left there. */
    String prepare(ProjectionDefinition definition, int generation) {
        String schema = schemaOf(definition.name(), generation);
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        migrate(definition, schema);
        return schema;
    }

    /** In the caller's transaction: readers and live processors use {@code generation} from its commit on. */
    void activate(String name, int generation) {
        jdbc.update("UPDATE read_model.projection_generation SET active_generation = ?, switched_at = ?"
                + " WHERE projection = ?", generation, Timestamp.from(clock.instant()), name);
    }

    /** Drops every generation of the projection but the active one and {@code keep}. */
    void dropOtherGenerations(String name, int keep) {
        int active = activeGeneration(name);
        String prefix = schemaPrefix(name);
        List<String> schemas = jdbc.queryForList(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE ?", String.class, prefix + "%");
        for (String schema : schemas) {
            if (!schema.equals(schemaOf(name, active)) && !schema.equals(schemaOf(name, keep))) {
                jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    static String schemaOf(String name, int generation) {
        return schemaPrefix(name) + generation;
    }

    private static String schemaPrefix(String name) {
        return name.replaceAll("[^a-z0-9]", "_") + "_g";
    }

    private void migrate(ProjectionDefinition definition, String schema) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table("flyway_schema_history")
                .locations(definition.migrations())
                .load()
                .migrate();
    }
}
