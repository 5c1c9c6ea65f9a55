package vn.ledger.command.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the sealer, the signer and the audit API; the signing key is read (or made) at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

    @Bean
    AuditStore auditStore(JdbcTemplate jdbc) {
        return new AuditStore(jdbc);
    }

    @Bean
    Sealer sealer(AuditStore store, PlatformTransactionManager transactionManager, Clock clock,
                  AuditSettings settings, ObjectProvider<MeterRegistry> meters) {
        return new Sealer(store, transactionManager, clock, settings, meters.getIfAvailable());
    }

    @Bean
    Checkpoints checkpoints(AuditStore store, PlatformTransactionManager transactionManager, Clock clock,
                            AuditSettings settings, Environment environment, ObjectProvider<MeterRegistry> meters) {
        // an instance that does not seal does not sign either, and so needs no key of its own
        AuditKeys keys = settings.enabled() ? AuditKeys.loadOrCreate(keyDirectory(settings, environment)) : null;
        return new Checkpoints(store, keys, transactionManager, clock, settings, meters.getIfAvailable());
    }

    @Bean
    Proofs proofs(AuditStore store, PlatformTransactionManager transactionManager) {
        return new Proofs(store, transactionManager);
    }

    @Bean
    AuditExport auditExport(AuditStore store, PlatformTransactionManager transactionManager) {
        return new AuditExport(store, transactionManager);
    }

    @Bean
    AuditSchedule auditSchedule(Sealer sealer, Checkpoints checkpoints, AuditSettings settings) {
        return new AuditSchedule(sealer, checkpoints, settings);
    }

    /**
     * {@code ledger.audit.key-dir}, else {@code LEDGER_KEY_DIR}, else {@code keys} beside the embedded database's
     * data directory ({@code LEDGER_DATA_DIR}, default {@code ./data}): {@code ./keys} unless configured.
     */
    static Path keyDirectory(AuditSettings settings, Environment environment) {
        if (settings.keyDir() != null) {
            return settings.keyDir();
        }
        String explicit = environment.getProperty("LEDGER_KEY_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit.strip());
        }
        String data = environment.getProperty("LEDGER_DATA_DIR");
        Path dataDirectory = Path.of(data == null || data.isBlank() ? "data" : data.strip()).toAbsolutePath()
                .normalize();
        Path parent = dataDirectory.getParent();
        return (parent == null ? dataDirectory : parent).resolve("keys");
    }
}
