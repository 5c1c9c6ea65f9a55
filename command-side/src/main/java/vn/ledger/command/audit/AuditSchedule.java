package vn.ledger.command.audit;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the sealer and the periodic checkpoint on one thread of their own, from the moment the service is ready until
 * it shuts down. A failing run is logged and tried again at the next tick: the sealer picks up where the database says
 * it stands.
 */
class AuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

    private final Sealer sealer;
    private final Checkpoints checkpoints;
    private final AuditSettings settings;
    private ScheduledExecutorService executor;
    private boolean sealerFailing;
    private boolean signerFailing;

    AuditSchedule(Sealer sealer, Checkpoints checkpoints, AuditSettings settings) {
        this.sealer = sealer;
        this.checkpoints = checkpoints;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!settings.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-audit-sealer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::seal, 0, settings.sealInterval().toMillis(), TimeUnit.MILLISECONDS);
        long every = settings.checkpointInterval().toMillis();
        executor.scheduleWithFixedDelay(this::checkpoint, every, every, TimeUnit.MILLISECONDS);
        log.info("Sealing the event log every {} and signing a checkpoint every {} when it grew",
                settings.sealInterval(), settings.checkpointInterval());
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        stop();
    }

    /** Lets a run in progress finish its page, then stops; before the data source closes. */
    @PreDestroy
    synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            // a seal in flight gets a moment to commit; past that it is interrupted (its page rolls back and is
            // sealed again at the next start), so a stop never hangs on a database that is already gone
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    private void seal() {
        try {
            sealer.sealAvailable();
            if (sealerFailing) {
                log.info("The audit sealer runs again");
                sealerFailing = false;
            }
        } catch (RuntimeException e) {
            // once per outage, not every half second
            if (!sealerFailing) {
                log.warn("The audit sealer failed; retrying every {}", settings.sealInterval(), e);
                sealerFailing = true;
            }
        }
    }

    private void checkpoint() {
        try {
            checkpoints.signIfGrown();
            signerFailing = false;
        } catch (RuntimeException e) {
            if (!signerFailing) {
                log.warn("Signing the periodic audit checkpoint failed; retrying every {}",
                        settings.checkpointInterval(), e);
                signerFailing = true;
            }
        }
    }
}
