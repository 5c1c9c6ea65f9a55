package vn.ledger.command.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sealer's and the signer's settings, {@code ledger.audit.*} (or {@code LEDGER_AUDIT_*} in the environment).
 *
 * @param enabled whether this process seals and signs at all (reading proofs works either way)
 * @param sealInterval the pause between two runs of the sealer; a run seals everything it safely can
 * @param pageSize events read, sealed and committed per transaction
 * @param settleTime how long a gap in the global index is waited for before it is taken for a rollback
 * @param gapRetention how long a passed gap is watched for an event that commits into it late
 * @param checkpointInterval how often a checkpoint is signed when the tree has grown
 * @param keyDir where the signing key lives; unset: {@code LEDGER_KEY_DIR}, else {@code keys} beside the
 *               {@code LEDGER_DATA_DIR} (so {@code ./keys} by default)
 * @param origin the log's name in its checkpoints; unset: {@code ledger.local/<id>}, the id made once per database
 */
@ConfigurationProperties("ledger.audit")
record AuditSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration sealInterval,
        @DefaultValue("1000") int pageSize,
        @DefaultValue("2s") Duration settleTime,
        @DefaultValue("24h") Duration gapRetention,
        @DefaultValue("60s") Duration checkpointInterval,
        Path keyDir,
        String origin) {

    AuditSettings {
        if (pageSize < 1) {
            throw new IllegalArgumentException("ledger.audit.page-size must be at least 1, not " + pageSize);
        }
    }
}
