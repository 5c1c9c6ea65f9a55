package vn.ledger.security;

import java.util.Set;

/** The roles of {@code api.md}: a user has exactly one. */
public final class Roles {

    public static final String OFFICE = "OFFICE";
    public static final String SECRETARY = "SECRETARY";
    public static final String REVIEWER = "REVIEWER";
    public static final String AUDITOR = "AUDITOR";
    public static final Set<String> ALL = Set.of(OFFICE, SECRETARY, REVIEWER, AUDITOR);

    private Roles() {}
}
