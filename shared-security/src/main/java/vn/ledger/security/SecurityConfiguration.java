package vn.ledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains: the web application's pages ({@link #webSecurity}, a sign-in form and a session cookie with
 * CSRF tokens) and the API ({@link #apiSecurity}). Every endpoint but health and the calendar feeds (which check a feed token of their own) requires HTTP Basic, or,
 * when {@code ledger.oidc.issuer} is set, an OIDC bearer JWT ({@link OidcBearerTokens}); roles per {@code api.md}:
 * every user manages their own calendar feed tokens, the roster and users are the office's,
 * reviews and commendations the reviewers' (and the office's), session records the secretaries' (and the
 * office's). A secretary's units are checked by the aggregates, on the record's own units.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    /**
     * bcrypt, at the cost {@code ledger.security.bcrypt-strength} (default 10, about 60 ms per sign-in here: every
     * HTTP Basic request pays it). Stored hashes carry their own cost, so changing it affects new passwords only.
     */
    PasswordEncoder passwordEncoder(@Value("${ledger.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    @Bean
    OidcBearerTokens.Settings oidcSettings(
            @Value("${ledger.oidc.issuer:}") String issuer,
            @Value("${ledger.oidc.jwk-set-uri:}") String jwkSetUri,
            @Value("${ledger.oidc.audience:}") String audience,
            @Value("${ledger.oidc.role-claim:ledger_role}") String roleClaim,
            @Value("${ledger.oidc.units-claim:ledger_unit_ids}") String unitsClaim) {
        return new OidcBearerTokens.Settings(issuer, jwkSetUri, audience, roleClaim, unitsClaim);
    }

    /** The web application's pages and assets: signed in with a form, then a session cookie. */
    static final String[] WEB_PATHS = {"/", "/ui", "/ui/**", "/login", "/logout", "/assets/**", "/webjars/**",
            "/favicon.ico"};

    /**
     * The web application: a sign-in form, then a session cookie (HttpOnly, SameSite=Lax) with CSRF protection on
     * every form; a user locked after repeated wrong passwords is refused before the password is checked, as with
     * HTTP Basic.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webSecurity(HttpSecurity http, Denials denials, SignInAttempts attempts) throws Exception {
        http
                .securityMatcher(WEB_PATHS)
                .addFilterBefore(new LockedFormSignIns(attempts, denials), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> {
                    denials.record(e instanceof CsrfException ? "csrf-token-invalid" : "forbidden-role",
                            userOf(request), request.getMethod(), request.getRequestURI());
                    response.sendError(403);
                }))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/ui/office", "/ui/office/**").hasRole("OFFICE")
                        .requestMatchers("/ui/review", "/ui/review/**").hasAnyRole("REVIEWER", "OFFICE")
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The API: HTTP Basic or a bearer JWT per request, or the web application's session cookie. A request signed in
     * by the cookie alone must carry the session's CSRF token (header {@code X-CSRF-TOKEN}) on every write, and so
     * must any write a browser marks as sent from another site ({@code Sec-Fetch-Site: cross-site} or
     * {@code same-site}): a browser that once answered the Basic challenge adds those credentials to forged requests
     * too. An API client (curl, a script) sends its credentials and no such header, and needs no token.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, Denials denials, SignInAttempts attempts,
            OidcBearerTokens.Settings oidc) throws Exception {
        if (oidc.enabled()) {
            // without an issuer no bearer token is read: it is an unknown Authorization scheme, hence 401
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint((request, response, e) -> invalidToken(request, response, e, denials))
                    .jwt(jwt -> jwt
                            .decoder(OidcBearerTokens.decoder(oidc))
                            .jwtAuthenticationConverter(
                                    new OidcBearerTokens.ClaimsToLedgerUser(oidc.roleClaim(), oidc.unitsClaim()))));
        }
        http
                .addFilterBefore(new LockedSignIns(attempts, denials), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::signedInByCookie))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), webSessionReader())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .httpBasic(basic -> basic.realmName("ledger").authenticationEntryPoint((request, response, e) -> {
                    if (DatabaseOutage.causedBy(e)) {
                        // the user store could not be read: not a wrong password, and not counted as one
                        databaseUnavailable(response);
                        return;
                    }
                    unauthorized(request, response, denials);
                }))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response, denials))
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                denials.record("csrf-token-invalid", userOf(request), request.getMethod(),
                                        request.getRequestURI());
                                problem(response, 403, "csrf-token-invalid",
                                        "The page's security token is missing or out of date; reload the page.");
                                return;
                            }
                            denials.record("forbidden-role", userOf(request), request.getMethod(),
                                    request.getRequestURI());
                            problem(response, 403, "forbidden-role", "Your role may not do this.");
                        }))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        // the calendar feeds: a phone's calendar cannot sign in, so the query side checks the feed
                        // token in their URL instead (see vn.ledger.query.calendar)
                        .requestMatchers(HttpMethod.GET, "/api/v1/calendar.ics", "/api/v1/units/*/calendar.ics")
                        .permitAll()
                        // every signed-in user makes and revokes their own feed tokens
                        .requestMatchers(HttpMethod.POST, "/api/v1/calendar-tokens").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/calendar-tokens/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/users", "/api/v1/units", "/api/v1/units/**",
                                "/api/v1/members", "/api/v1/members/**").hasRole("OFFICE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/sessions/*/review", "/api/v1/commendations")
                        .hasAnyRole("REVIEWER", "OFFICE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/sessions", "/api/v1/sessions/**")
                        .hasAnyRole("SECRETARY", "OFFICE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoint").hasAnyRole("OFFICE", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/roster/**").hasRole("OFFICE")
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .anyRequest().hasRole("OFFICE"));
        return http.build();
    }

    /** The web application's session, read but never created by the API. */
    private static HttpSessionSecurityContextRepository webSessionReader() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setAllowSessionCreation(false);
        return repository;
    }

    /** A write sent with the session cookie and no credentials of its own: the case CSRF is about. */
    static boolean signedInByCookie(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || "TRACE".equals(method);
        if (safe) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        boolean fromAnotherSite = "cross-site".equals(site) || "same-site".equals(site);
        return fromAnotherSite
                || (request.getHeader("Authorization") == null && request.getRequestedSessionId() != null);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, Denials denials)
            throws IOException {
        if (request.getHeader("Authorization") != null) {
            denials.record("unauthorized", "anonymous", request.getMethod(), request.getRequestURI());
        }
        problem(response, 401, "unauthorized", "Sign in with a username and password.");
    }

    /** The user could not be looked up: the database is out of reach for now; the client may retry. */
    private static void databaseUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        problem(response, 503, "database-unavailable",
                "The database could not be reached in time; nothing was recorded. Try again shortly.");
    }

    /** A bearer token refused: not signed by the issuer, expired, for someone else, or without a usable role. */
    private static void invalidToken(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e, Denials denials) throws IOException {
        String user = e instanceof OidcBearerTokens.UnusableClaims claims && claims.username() != null
                ? claims.username() : "anonymous";
        denials.record("unauthorized", user, request.getMethod(), request.getRequestURI());
        String error = e instanceof OAuth2AuthenticationException oauth2
                && "invalid_request".equals(oauth2.getError().getErrorCode()) ? "invalid_request" : "invalid_token";
        String detail = e instanceof OidcBearerTokens.UnusableClaims
                ? e.getMessage()
                : "The bearer token is not valid: not signed by the issuer's keys, expired, or not for this service.";
        problem(response, 401, "unauthorized", detail, "Bearer error=\"" + error + "\"");
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

    /** Refuses the sign-in form of a locked user before the password is checked: back to the form, locked. */
    private static final class LockedFormSignIns extends OncePerRequestFilter {
        private final SignInAttempts attempts;
        private final Denials denials;

        LockedFormSignIns(SignInAttempts attempts, Denials denials) {
            this.attempts = attempts;
            this.denials = denials;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = request.getParameter("username");
            if (username != null && !attempts.lockedFor(username).isZero()) {
                denials.record("sign-in-locked", username, request.getMethod(), request.getRequestURI());
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    private static void problem(HttpServletResponse response, int status, String code, String detail)
            throws IOException {
        problem(response, status, code, detail, "Basic realm=\"ledger\", charset=\"UTF-8\"");
    }

    private static void problem(HttpServletResponse response, int status, String code, String detail,
            String challenge) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"urn:ledger:problem:%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(code, switch (status) {
                    case 401 -> "Unauthorized";
                    case 429 -> "Too Many Requests";
                    case 503 -> "Service Unavailable";
                    default -> "Forbidden";
                }, status, detail, code));
    }
}
