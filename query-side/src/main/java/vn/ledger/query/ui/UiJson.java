package vn.ledger.query.ui;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a value as JSON that is safe inside a page's {@code <script type="application/json">}. */
@Component
public class UiJson {

    private final JsonMapper json = JsonMapper.builder().build();

    public String write(Object value) {
        // "<" as \u003c: no "</script>" or "<!--" can end or bend the script element, and JSON.parse reads it back
        return json.writeValueAsString(value).replace("<", "\\u003c");
    }
}
