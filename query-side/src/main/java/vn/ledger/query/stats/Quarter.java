package vn.ledger.query.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as {@code 2022-Q3}, taken from business dates in the committee's time zone. */
record Quarter(int year, int number) implements Comparable<Quarter> {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    /** Parses {@code 2022-Q3}; answers {@code null} when the text is not a quarter. */
    static Quarter parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(text.strip());
        return matcher.matches()
                ? new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
                : null;
    }

    static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    static Quarter of(Instant instant) {
        return of(instant.atZone(ZONE).toLocalDate());
    }

    Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    /** This quarter and every one after it up to {@code last}, in order. */
    List<Quarter> through(Quarter last) {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = this; q.compareTo(last) <= 0; q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    int distanceTo(Quarter other) {
        return (other.year - year) * 4 + other.number - number;
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + number, other.year * 4 + other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
