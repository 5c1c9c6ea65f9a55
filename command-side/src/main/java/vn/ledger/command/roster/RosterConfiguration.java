package vn.ledger.command.roster;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The roster lookups are updated by a subscribing processor, inside the transaction that appends the roster's
 * events, so a command never checks its rules against a roster older than the previous command left it.
 */
@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

    /** A failure to update the lookups fails the command, instead of leaving them behind the log. */
    @Autowired
    void subscribeRoster(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(RosterProjection.NAME)
                .registerListenerInvocationErrorHandler(RosterProjection.NAME,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
