package vn.ledger.standalone;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import vn.ledger.command.eventstore.AuditMetadata;

/**
 * Sends commands through the command bus as the service itself does (the demo data, say): with the metadata of a
 * system user and a request id of their own, and answers what the handler answered. Safe to use from several threads.
 * A test takes it with {@code @Import(SystemCommands.class)}.
 */
class SystemCommands {

    private static final String USER = "test-system";


    private final CommandGateway gateway;
    private final AuditMetadata audit;
    private final AtomicInteger sent = new AtomicInteger();

    SystemCommands(CommandGateway gateway, AuditMetadata audit) {
        this.gateway = gateway;
        this.audit = audit;
    }

    /** How many commands were sent. */
    int sent() {
        return sent.get();
    }

    <R> R send(Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(audit.ofSystem(USER, USER + "-" + sent.incrementAndGet())));
    }
}
