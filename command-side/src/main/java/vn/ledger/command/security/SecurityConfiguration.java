package vn.ledger.command.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every endpoint but health requires HTTP Basic; roles per {@code api.md}: the roster and users are the office's,
 * reviews and commendations the reviewers' (and the office's), session records the secretaries' (and the
 * office's). A secretary's units are checked by the aggregates, on the record's own units.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Denials denials, SignInAttempts attempts) throws Exception {
        http
                .addFilterBefore(new LockedSignIns(attempts, denials), BasicAuthenticationFilter.class)
                // a stateless API signed in per request with HTTP Basic: no cookie, so no CSRF to guard against
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("ledger").authenticationEntryPoint((request, response, e) ->
                        unauthorized(request, response, denials)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response, denials))
                        .accessDeniedHandler((request, response, e) -> {
                            denials.record("forbidden-role", userOf(request), request.getMethod(),
                                    request.getRequestURI());
                            problem(response, 403, "forbidden-role", "Your role may not do this.");
                        }))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/users", "/api/v1/units", "/api/v1/units/**",
                                "/api/v1/members", "/api/v1/members/**").hasRole("OFFICE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/sessions/*/review", "/api/v1/commendations")
                        .hasAnyRole("REVIEWER", "OFFICE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/sessions", "/api/v1/sessions/**")
                        .hasAnyRole("SECRETARY", "OFFICE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoint").hasAnyRole("OFFICE", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .anyRequest().hasRole("OFFICE"));
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, Denials denials)
            throws IOException {
        if (request.getHeader("Authorization") != null) {
            denials.record("unauthorized", "anonymous", request.getMethod(), request.getRequestURI());
        }
        problem(response, 401, "unauthorized", "Sign in with a username and password.");
    }

    private static String userOf(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    }

    /** Answers 429 for a username locked after repeated wrong passwords, before its password is even checked. */
    private static final class LockedSignIns extends OncePerRequestFilter {
        private final SignInAttempts attempts;
        private final Denials denials;

        LockedSignIns(SignInAttempts attempts, Denials denials) {
            this.attempts = attempts;
            this.denials = denials;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = basicUsername(request.getHeader("Authorization"));
            Duration locked = username == null ? Duration.ZERO : attempts.lockedFor(username);
            if (locked.isZero()) {
                chain.doFilter(request, response);
                return;
            }
            denials.record("sign-in-locked", username, request.getMethod(), request.getRequestURI());
            response.setHeader("Retry-After", Long.toString(Math.max(1, locked.toSeconds())));
            problem(response, 429, "sign-in-locked",
                    "Too many wrong passwords for this user; try again in " + Math.max(1, locked.toMinutes())
                            + " minute(s).");
        }

        private static String basicUsername(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
    }

    private static void problem(HttpServletResponse response, int status, String code, String detail)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\", charset=\"UTF-8\"");
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"urn:ledger:problem:%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(code, switch (status) {
                    case 401 -> "Unauthorized";
                    case 429 -> "Too Many Requests";
                    default -> "Forbidden";
                }, status, detail, code));
    }
}
