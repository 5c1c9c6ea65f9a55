package vn.ledger.command.user;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.ledger.command.roster.Roster;
import vn.ledger.command.rule.Actor;
import vn.ledger.command.rule.RuleViolation;
import vn.ledger.command.rule.Rules;
import vn.ledger.security.LedgerUser;

/** {@code POST /api/v1/users}: the office creates users; a secretary is assigned one or more existing units. */
@RestController
class UserController {

    /** A user as answered: never the password or its hash. */
    record UserView(String username, String role, Set<UUID> unitIds) {}

    private final UserStore users;
    private final Roster roster;

    UserController(UserStore users, Roster roster) {
        this.users = users;
        this.roster = roster;
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUserRequest body, Principal principal) {
        List<UUID> unitIds = body.unitIds() == null ? List.of() : body.unitIds();
        if (Actor.SECRETARY.equals(body.role()) && unitIds.isEmpty()) {
            throw new UnitsRequired();
        }
        for (UUID unitId : unitIds) {
            roster.unit(unitId).orElseThrow(() -> new Rules.UnitNotFound("unitIds", unitId));
        }
        LedgerUser user = users.create(body.username(), body.password(), body.role(), unitIds, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
                .body(new UserView(user.username(), user.role(), user.unitIds()));
    }

    static final class UnitsRequired extends RuleViolation {
        UnitsRequired() {
            super("units-required", Kind.INVALID, "unitIds", "A secretary must be assigned at least one unit.");
        }
    }
}
