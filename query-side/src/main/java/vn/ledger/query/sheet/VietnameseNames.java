package vn.ledger.query.sheet;

import java.text.CollationKey;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import vn.ledger.query.document.DocumentLanguage;
import vn.ledger.query.document.VietnameseText;

/**
 * Vietnamese names as people read, sort and type them. A name is shown in NFC (one code point per letter with its
 * marks, which every font and PDF reader handles); lists are sorted the Vietnamese way, by the given name (the last
 * word) and then the whole name, with the collation of {@code vi} (a, ă, â, ..., d, đ, ...); a search matches any part
 * of a name whatever its case and diacritics.
 */
public final class VietnameseNames {

    static final Locale VIETNAMESE = DocumentLanguage.VI.locale();

    private VietnameseNames() {}

    /** The name in NFC with the spaces around it removed; {@code ""} for none. */
    public static String nfc(String name) {
        return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    }

    /** The text as a search compares it: see {@link VietnameseText#fold}; "Nguyễn Văn A" folds to "nguyen van a". */
    public static String fold(String text) {
        return VietnameseText.fold(text);
    }

    /** Whether {@code fullName}, folded, contains {@code foldedQuery} (see {@link #fold}); "" matches every name. */
    public static boolean matches(String fullName, String foldedQuery) {
        return foldedQuery.isEmpty() || fold(fullName).contains(foldedQuery);
    }

    /** The given name: the last word of the full name (Nguyễn Thị Ánh Tuyết → Tuyết). */
    static String givenName(String fullName) {
        String name = nfc(fullName);
        int space = name.length() - 1;
        while (space >= 0 && !Character.isWhitespace(name.charAt(space))) {
            space--;
        }
        return name.substring(space + 1);
    }

    /**
     * {@code items} in Vietnamese order: given name, then the whole name, then the id, so the order is total and
     * repeatable. Collation keys are made once per item: n log n comparisons of byte arrays.
     */
    public static <T> List<T> sorted(List<T> items, Function<T, String> fullName, Function<T, UUID> id) {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        record Keyed<T>(CollationKey given, CollationKey full, UUID id, T item) {}
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            String name = nfc(fullName.apply(item));
            keyed.add(new Keyed<>(collator.getCollationKey(givenName(name)), collator.getCollationKey(name),
                    id.apply(item), item));
        }
        keyed.sort(Comparator.<Keyed<T>, CollationKey>comparing(Keyed::given)
                .thenComparing(Keyed::full)
                .thenComparing(Keyed::id, Comparator.nullsLast(Comparator.naturalOrder())));
        List<T> ordered = new ArrayList<>(keyed.size());
        keyed.forEach(k -> ordered.add(k.item()));
        return ordered;
    }

    /**
     * {@code items} by their whole name in Vietnamese order, unnamed ones last, then by id. A {@code Collator} compares
     * one pair at a time under a lock; the collation keys here are made once per item.
     */
    public static <T> List<T> sortedByName(List<T> items, Function<T, String> name, Function<T, UUID> id) {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        record Keyed<T>(CollationKey name, UUID id, T item) {}
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            String itemName = name.apply(item);
            keyed.add(new Keyed<>(itemName == null ? null : collator.getCollationKey(nfc(itemName)), id.apply(item),
                    item));
        }
        keyed.sort(Comparator.<Keyed<T>, CollationKey>comparing(Keyed::name, Comparator.nullsLast(
                        Comparator.naturalOrder()))
                .thenComparing(Keyed::id, Comparator.nullsLast(Comparator.naturalOrder())));
        List<T> ordered = new ArrayList<>(keyed.size());
        keyed.forEach(k -> ordered.add(k.item()));
        return ordered;
    }
}
