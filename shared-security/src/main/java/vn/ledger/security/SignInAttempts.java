package vn.ledger.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks a username for a while after repeated wrong passwords: {@link #MAX_FAILURES} failures within
 * {@link #WINDOW} lock it for {@link #LOCK}, also against the right password, so that guessing is slow. Kept in
 * memory of this instance; a successful sign-in clears the failures.
 */
@Component
public class SignInAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInAttempts(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code username} stays locked; zero when it is not. */
    public Duration lockedFor(String username) {
        Deque<Instant> recent = failures.get(username);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            if (recent.size() < MAX_FAILURES) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(clock.instant(), recent.peekLast().plus(LOCK));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return; // a bad bearer token is no password guess, and its "name" is the token itself
        }
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(event.getAuthentication().getName(), name -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
                recent.pollFirst();
            }
            recent.addLast(now);
            while (recent.size() > MAX_FAILURES) {
                recent.pollFirst();
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            return; // a bearer token of the same name does not clear a local user's failures
        }
        failures.remove(event.getAuthentication().getName());
    }
}
