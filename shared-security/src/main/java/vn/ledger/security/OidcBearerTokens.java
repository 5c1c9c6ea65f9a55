package vn.ledger.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * OIDC bearer JWTs, accepted besides HTTP Basic when {@code ledger.oidc.issuer} ({@code LEDGER_OIDC_ISSUER}) is set:
 * the signature is checked against the issuer's keys ({@code ledger.oidc.jwk-set-uri}, else the {@code jwks_uri} of
 * the issuer's {@code /.well-known/openid-configuration}), {@code iss} and {@code exp} are validated (Spring's default
 * clock skew), and {@code aud} when {@code ledger.oidc.audience} is set. The claims become a {@link LedgerUser}, so
 * that the audit metadata and the aggregates' unit checks treat a token's user like a local one.
 */
final class OidcBearerTokens {

    /** The settings of the {@code ledger.oidc.*} properties; {@link #enabled()} only with an issuer. */
    record Settings(String issuer, String jwkSetUri, String audience, String roleClaim, String unitsClaim) {

        boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }
    }

    private OidcBearerTokens() {}

    /**
     * Checks signature, issuer, expiry (and audience when configured). Nothing is fetched before the first token:
     * the service starts while the identity provider is away.
     */
    static JwtDecoder decoder(Settings settings) {
        String issuer = settings.issuer().strip();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtIssuerValidator(issuer));
        // typ JWT (Spring's default) or at+jwt (RFC 9068 access tokens), or none
        JwtTypeValidator types = new JwtTypeValidator("JWT", "at+jwt");
        types.setAllowEmpty(true);
        validators.add(types);
        if (settings.audience() != null && !settings.audience().isBlank()) {
            validators.add(new JwtAudienceValidator(settings.audience().strip()));
        }
        // adds Spring's defaults that are not given: the timestamps (exp, nbf; 60 s of clock skew)
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(validators);
        String jwkSetUri = settings.jwkSetUri();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = jwkSetUri != null && !jwkSetUri.isBlank()
                    ? NimbusJwtDecoder.withJwkSetUri(jwkSetUri.strip()).build()
                    : NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    /** A verified token's claims as a {@link LedgerUser}: a token without a usable role is refused (401). */
    static final class ClaimsToLedgerUser implements Converter<Jwt, AbstractAuthenticationToken> {

        private static final Set<String> ROLES = Roles.ALL;

        private final String roleClaim;
        private final String unitsClaim;

        ClaimsToLedgerUser(String roleClaim, String unitsClaim) {
            this.roleClaim = roleClaim;
            this.unitsClaim = unitsClaim;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String username = jwt.getClaimAsString("preferred_username");
            if (username == null || username.isBlank()) {
                username = jwt.getSubject();
            }
            if (username == null || username.isBlank()) {
                throw new UnusableClaims(null, "The token has neither preferred_username nor sub.");
            }
            Object role = jwt.getClaims().get(roleClaim);
            if (!(role instanceof String name) || !ROLES.contains(name)) {
                throw new UnusableClaims(username, "The token's role claim " + roleClaim
                        + " is missing or unknown (one of OFFICE, SECRETARY, REVIEWER, AUDITOR).");
            }
            LedgerUser user = new LedgerUser(username, "", name, units(jwt, username));
            return new LedgerJwtAuthentication(user, jwt);
        }

        private Set<UUID> units(Jwt jwt, String username) {
            Object claim = jwt.getClaims().get(unitsClaim);
            if (claim == null) {
                return Set.of();
            }
            Collection<?> values = claim instanceof Collection<?> list ? list : List.of(claim);
            Set<UUID> units = new HashSet<>();
            for (Object value : values) {
                try {
                    units.add(UUID.fromString(String.valueOf(value)));
                } catch (IllegalArgumentException notAUnitId) {
                    throw new UnusableClaims(username, "The token's units claim " + unitsClaim
                            + " must be an array of unit ids.");
                }
            }
            return units;
        }
    }

    /** Signed in with a bearer JWT: the principal is the {@link LedgerUser}, the credentials the token. */
    static final class LedgerJwtAuthentication extends AbstractAuthenticationToken {

        private final LedgerUser user;
        private final transient Jwt jwt;

        LedgerJwtAuthentication(LedgerUser user, Jwt jwt) {
            super(user.getAuthorities());
            this.user = user;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }
    }

    /** A verified token whose claims do not make a ledger user: 401, never 500. */
    static final class UnusableClaims extends InvalidBearerTokenException {

        private final transient String username;

        UnusableClaims(String username, String detail) {
            super(detail);
            this.username = username;
        }

        /** Who the token says it is, or {@code null}. */
        String username() {
            return username;
        }
    }
}
