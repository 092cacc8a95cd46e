package org.ilium.candidacy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ilium.candidacy.domain.Citation;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;

/** The CPT codes of SI joint fusion with their validity dates, from {@code content/coding/cpt-codes.yaml}. */
public final class CptCodes {
    static final String FILE = "coding/cpt-codes.yaml";

    public record Code(String code, String summary, LocalDate effectiveFrom, LocalDate effectiveTo, Citation citation) {
        boolean validOn(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
        }
    }

    private final List<Code> codes;

    private CptCodes(List<Code> codes) {
        this.codes = List.copyOf(codes);
    }

    public static CptCodes load(Path overrideDirOrNull) {
        ContentNode root = ContentLibrary.of(overrideDirOrNull).requireFile(FILE).parse();
        root.unknownKeys("codes");
        List<Code> codes = root.list("codes").stream().map(n -> {
            n.unknownKeys("code", "summary", "effectiveFrom", "effectiveTo", "citation");
            String code = n.text("code");
            if (!code.matches("\\d{5}|\\d{4}T")) {
                throw n.fieldError("code", "must be a CPT code such as 27279");
            }
            ContentNode c = n.get("citation");
            c.unknownKeys("source", "detail", "url");
            return new Code(code, n.text("summary"), n.date("effectiveFrom"), n.optionalDate("effectiveTo").orElse(null),
                    new Citation(c.text("source"), c.optionalText("detail").orElse(null), c.optionalText("url").orElse(null)));
        }).toList();
        return new CptCodes(codes);
    }

    public List<Code> all() {
        return codes;
    }

    public Optional<Code> find(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The summary of a code valid on the date; 400 naming {@code field} otherwise. */
    public Code require(String code, LocalDate date, String field) {
        Code found = find(code).orElseThrow(() -> new InvalidInputException(field, "is not a CPT code of SI joint fusion; known: "
                + codes.stream().map(Code::code).collect(Collectors.joining(", "))));
        if (!found.validOn(date)) {
            throw new InvalidInputException(field, code + " is valid from " + found.effectiveFrom()
                    + (found.effectiveTo() == null ? "" : " to " + found.effectiveTo()) + ", not on " + date);
        }
        return found;
    }
}
