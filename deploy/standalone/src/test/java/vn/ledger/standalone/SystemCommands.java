package vn.ledger.standalone;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import vn.ledger.command.eventstore.AuditMetadata;

/**
 * Sends commands through the command bus as the service itself does (the demo data, say): with the metadata of a
 * system user and a request id of their own, and answers what the handler answered. Safe to use from several threads.
 */
final class SystemCommands {

    private final CommandGateway gateway;
    private final AuditMetadata audit;
    private final String user;
    private final AtomicInteger sent = new AtomicInteger();

    SystemCommands(CommandGateway gateway, AuditMetadata audit, String user) {
        this.gateway = gateway;
        this.audit = audit;
        this.user = user;
    }

    /** How many commands were sent. */
    int sent() {
        return sent.get();
    }

    <R> R send(Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(audit.ofSystem(user, user + "-" + sent.incrementAndGet())));
    }
}
