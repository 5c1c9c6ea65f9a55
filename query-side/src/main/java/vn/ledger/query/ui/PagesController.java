package vn.ledger.query.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.ledger.query.projection.ProjectionOverview;

/**
 * The pages. Each renders its shell with the texts of the user's language; the page's script reads the data from
 * the API. The office page renders the projections server-side too, as an htmx fragment that refreshes itself
 * while a rebuild runs.
 */
@Controller
class PagesController {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MessageSource messages;
    private final ProjectionOverview projections;
    private final UiJson json;
    /** The texts of each language as the pages' JSON, made once: the bundles do not change while the service runs. */
    private final Map<Locale, String> textsJson = new java.util.concurrent.ConcurrentHashMap<>();

    PagesController(MessageSource messages, ProjectionOverview projections, UiJson json) {
        this.messages = messages;
        this.projections = projections;
        this.json = json;
    }

    @GetMapping("/login")
    String login() {
        return "ui/login";
    }

    @GetMapping("/")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now(LOCAL);
        model.addAttribute("currentQuarter", today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
        return page(model, "dashboard");
    }

    @GetMapping("/ui/sessions")
    String sessions(Model model) {
        return page(model, "sessions");
    }

    @GetMapping("/ui/sessions/{sessionId}")
    String session(@PathVariable UUID sessionId, Model model) {
        model.addAttribute("sessionId", sessionId);
        return page(model, "session");
    }

    @GetMapping("/ui/sessions/{sessionId}/history")
    String history(@PathVariable UUID sessionId, Model model) {
        model.addAttribute("sessionId", sessionId);
        return page(model, "history");
    }

    @GetMapping("/ui/review")
    String review(Model model) {
        return page(model, "review");
    }

    @GetMapping("/ui/office")
    String office(Model model) {
        model.addAttribute("projections", projections.all());
        return page(model, "office");
    }

    /** The projections table alone, for htmx to swap in every second. */
    @GetMapping("/ui/office/projections")
    String projectionsFragment(Model model) {
        model.addAttribute("projections", projections.all());
        return "ui/office :: projections";
    }

    private String page(Model model, String name) {
        model.addAttribute("page", name);
        model.addAttribute("textsJson", textsJson.computeIfAbsent(LocaleContextHolder.getLocale(),
                locale -> json.write(texts(locale))));
        return "ui/" + name;
    }

    /** Every text of the user's language, for the page's script (problem codes, statuses, categories). */
    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ROOT);
        for (String key : bundle.keySet()) {
            texts.put(key, messages.getMessage(key, null, key, locale));
        }
        return texts;
    }
}
