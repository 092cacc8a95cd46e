package org.ilium.prom;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ilium.followup.LinkGoneException;
import org.ilium.followup.PatientLinks;
import org.ilium.followup.PatientLinks.LinkTarget;
import org.ilium.followup.domain.Offset;
import org.ilium.prom.domain.Instrument;
import org.ilium.prom.domain.Item;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The page a patient reaches from a reminder e-mail: the questionnaires of one timepoint, without a
 * login. It shows nothing about the patient (no name, no record), only the questions and the
 * deadline; the link works once. All answers are checked before any is stored, and they are stored
 * together with the link's use in one transaction.
 */
@Controller
class QuestionnairePage {
    private final PatientLinks links;
    private final InstrumentCatalog catalog;
    private final ResponseService responses;
    private final TransactionTemplate tx;

    QuestionnairePage(PatientLinks links, InstrumentCatalog catalog, ResponseService responses, TransactionTemplate tx) {
        this.links = links;
        this.catalog = catalog;
        this.responses = responses;
        this.tx = tx;
    }

    @GetMapping("/q/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse http) {
        LinkTarget target;
        try {
            target = links.open(token);
        } catch (NotFoundException | LinkGoneException e) {
            return problem(e, model, http);
        }
        return form(target, Map.of(), List.of(), model);
    }

    @PostMapping(path = "/q/{token}", consumes = "application/x-www-form-urlencoded")
    String submit(@PathVariable String token, @RequestBody MultiValueMap<String, String> form, Model model,
            HttpServletResponse http) {
        LinkTarget target;
        try {
            target = links.open(token);
        } catch (NotFoundException | LinkGoneException e) {
            return problem(e, model, http);
        }
        Map<String, Map<String, Object>> answers = answers(target, form);
        try {
            links.callAsSite(target, () -> tx.execute(status -> {
                List<FieldError> errors = new ArrayList<>();
                for (String instrument : target.instruments()) {
                    try {
                        responses.record(target.episodeId(), target.timepointId(), instrument, answers.get(instrument), "patient_link",
                                LocalDate.now(ZoneOffset.UTC));
                    } catch (InvalidInputException e) {
                        e.errors().forEach(err -> errors.add(new FieldError(instrument + "." + err.field(), err.message())));
                    }
                }
                if (!errors.isEmpty()) {
                    throw new InvalidInputException(errors);
                }
                links.redeem(token);
                return null;
            }));
        } catch (InvalidInputException e) {
            http.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(target, answers, e.errors(), model);
        } catch (NotFoundException | LinkGoneException e) {
            return problem(e, model, http);
        }
        model.addAttribute("timepoint", target.timepointLabel());
        model.addAttribute("recovery", recovery(target));
        return "questionnaire-done";
    }

    /** Form fields are named {@code <instrument>.<item>}; numbers as numbers, choices as their codes, blanks left out. */
    private Map<String, Map<String, Object>> answers(LinkTarget target, MultiValueMap<String, String> form) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String id : target.instruments()) {
            Map<String, Object> values = new LinkedHashMap<>();
            catalog.find(id).ifPresent(instrument -> {
                for (Item item : instrument.items()) {
                    String raw = form.getFirst(id + "." + item.id());
                    if (raw != null && !raw.isBlank()) {
                        values.put(item.id(), item.isChoice() || !raw.strip().matches("-?\\d{1,9}") ? raw.strip() : Long.parseLong(raw.strip()));
                    }
                }
            });
            out.put(id, values);
        }
        return out;
    }

    private String form(LinkTarget target, Map<String, Map<String, Object>> given, List<FieldError> errors, Model model) {
        List<Instrument> instruments = target.instruments().stream().map(id -> catalog.find(id).orElseThrow()).toList();
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach(e -> messages.put(e.field().replace(".answers.", "."), e.message()));
        Map<String, String> values = new LinkedHashMap<>();
        given.forEach((instrument, answers) -> answers.forEach((item, value) -> values.put(instrument + "." + item, String.valueOf(value))));
        model.addAttribute("timepoint", target.timepointLabel());
        model.addAttribute("expires", target.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1));
        model.addAttribute("instruments", instruments);
        model.addAttribute("errors", messages);
        model.addAttribute("values", values);
        model.addAttribute("recovery", recovery(target));
        return "questionnaire";
    }

    /** The recovery plan in weeks and months after the operation: general guidance, no dates of this patient. */
    private static List<String> recovery(LinkTarget target) {
        return target.recovery().stream().map(m -> m.label() + ": "
                + (m.until() == null ? "from " + when(m.from()) : when(m.from()).equals("the operation")
                        ? "until " + when(m.until()) : "from " + when(m.from()) + " until " + when(m.until()))
                + (m.unverified() ? " (ask your care team)" : "")).toList();
    }

    private static String when(Offset o) {
        if (o.equals(Offset.ZERO)) {
            return "the operation";
        }
        List<String> parts = new ArrayList<>();
        unit(parts, o.years(), "year");
        unit(parts, o.months(), "month");
        unit(parts, o.weeks(), "week");
        unit(parts, o.days(), "day");
        return String.join(" ", parts) + " after the operation";
    }

    private static void unit(List<String> parts, int n, String name) {
        if (n != 0) {
            parts.add(n + " " + name + (n == 1 ? "" : "s"));
        }
    }

    private static String problem(RuntimeException e, Model model, HttpServletResponse http) {
        boolean gone = e instanceof LinkGoneException;
        http.setStatus(gone ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message", gone ? e.getMessage() : "This link is not valid. Please use the latest link we sent you.");
        return "questionnaire-unavailable";
    }
}
