package vn.ledger.command.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

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
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http
                // a stateless API signed in per request with HTTP Basic: no cookie, so no CSRF to guard against
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("ledger").authenticationEntryPoint((request, response, e) ->
                        problem(response, 401, "unauthorized", "Sign in with a username and password.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, 401, "unauthorized", "Sign in with a username and password."))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, 403, "forbidden-role", "Your role may not do this.")))
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
                .formatted(code, status == 401 ? "Unauthorized" : "Forbidden", status, detail, code));
    }
}
