package vn.ledger.command.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The body of {@code POST /api/v1/users}. */
record CreateUserRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "letters, digits and . _ @ - only")
        String username,
        @NotNull @Size(min = 10, max = 200) String password,
        @NotNull @Pattern(regexp = "OFFICE|SECRETARY|REVIEWER|AUDITOR", message = "one of OFFICE, SECRETARY, REVIEWER, AUDITOR")
        String role,
        @Size(max = 100) List<@NotNull UUID> unitIds) {}
