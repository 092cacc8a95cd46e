package org.ilium.candidacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ilium.candidacy.domain.CandidacyEvaluator;
import org.ilium.candidacy.domain.DiagnosticRules;
import org.ilium.candidacy.domain.Policy;
import org.ilium.candidacy.domain.PolicyCatalog;
import org.ilium.candidacy.domain.PrognosisRules;
import org.ilium.candidacy.domain.ProvocationClusterRule;
import org.ilium.shared.content.ContentException;
import org.ilium.shared.content.ContentFile;
import org.ilium.shared.content.ContentLibrary;
import org.ilium.shared.content.ContentNode;

/**
 * Everything the candidacy decision reads from content, loaded and checked at once: the policies
 * ({@code content/policies/*.yaml}), the diagnostic rules ({@code content/diagnostics/*.yaml}) and the
 * prognostic factors ({@code content/prognosis.yaml}). With a site directory, its files are read too: a
 * policy file with the same id and version as a built-in one replaces it, any other is added; a
 * diagnostics file replaces the built-in one of the same id; its {@code prognosis.yaml} replaces the
 * built-in one. Versions of one policy id must not overlap in time. Any problem fails the whole load with
 * a {@link ContentException} naming file, line, column and reason.
 */
public final class CandidacyContent {
    public static final String POLICIES = "policies";
    public static final String DIAGNOSTICS = "diagnostics";
    public static final String PROGNOSIS = "prognosis.yaml";

    private final PolicyCatalog policies;
    private final DiagnosticRules diagnostics;
    private final PrognosisRules prognosis;
    private final CandidacyEvaluator evaluator;
    private final Map<String, String> policyFiles;
    private final List<String> files;

    private CandidacyContent(PolicyCatalog policies, DiagnosticRules diagnostics, PrognosisRules prognosis,
            Map<String, String> policyFiles, List<String> files) {
        this.policies = policies;
        this.diagnostics = diagnostics;
        this.prognosis = prognosis;
        this.evaluator = new CandidacyEvaluator(diagnostics, prognosis);
        this.policyFiles = policyFiles;
        this.files = files;
    }

    /** Built-in content, plus the site's directory when {@code overrideDirOrNull} is given. */
    public static CandidacyContent load(Path overrideDirOrNull) {
        ContentLibrary library = ContentLibrary.of(overrideDirOrNull);
        List<String> files = new ArrayList<>();
        Map<String, String> policyFiles = new LinkedHashMap<>();
        PolicyCatalog catalog = loadPolicies(library, files, policyFiles);
        DiagnosticRules diagnostics = loadDiagnostics(library, files);
        ContentFile prognosisFile = library.requireFile(PROGNOSIS);
        files.add(prognosisFile.name());
        PrognosisRules prognosis = new PrognosisRules(RulesReader.prognosis(prognosisFile.parse()));
        return new CandidacyContent(catalog, diagnostics, prognosis, Collections.unmodifiableMap(policyFiles), List.copyOf(files));
    }

    private record Loaded(Policy policy, ContentFile file, ContentNode root) {
        String key() {
            return policy.id() + "\u0000" + policy.version();
        }
    }

    private static PolicyCatalog loadPolicies(ContentLibrary library, List<String> files, Map<String, String> policyFiles) {
        Map<String, Loaded> byKey = new LinkedHashMap<>();
        for (boolean override : new boolean[] {false, true}) {
            Map<String, Loaded> seenHere = new LinkedHashMap<>();
            for (ContentFile file : override ? library.overrides(POLICIES) : library.builtIn(POLICIES)) {
                files.add(file.name());
                ContentNode root = file.parse();
                Loaded loaded = new Loaded(PolicyReader.read(root), file, root);
                Loaded twin = seenHere.put(loaded.key(), loaded);
                if (twin != null) {
                    throw root.get("version").error("policy " + loaded.policy.id() + " version " + loaded.policy.version()
                            + " is also defined in " + twin.file.name());
                }
                byKey.put(loaded.key(), loaded);
            }
        }
        List<Loaded> all = new ArrayList<>(byKey.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Loaded a = all.get(i);
                Loaded b = all.get(j);
                if (a.policy.id().equals(b.policy.id()) && a.policy.overlaps(b.policy)) {
                    Loaded later = b.file.override() || !a.file.override() ? b : a;
                    Loaded other = later == b ? a : b;
                    throw later.root.get("effectiveFrom").error("the effective period of " + later.policy.id() + " version "
                            + later.policy.version() + " (" + later.policy.effectivePeriod() + ") overlaps version "
                            + other.policy.version() + " (" + other.policy.effectivePeriod() + ") in " + other.file.name()
                            + "; give the earlier version an effectiveTo");
                }
            }
        }
        List<Policy> policies = new ArrayList<>();
        for (Loaded l : all) {
            policies.add(l.policy);
            policyFiles.put(l.key(), l.file.name());
        }
        return new PolicyCatalog(policies);
    }

    private static DiagnosticRules loadDiagnostics(ContentLibrary library, List<String> files) {
        Map<String, ContentFile> byId = new LinkedHashMap<>();
        Map<String, ContentNode> roots = new LinkedHashMap<>();
        for (ContentFile file : library.folder(DIAGNOSTICS)) {
            files.add(file.name());
            ContentNode root = file.parse();
            String id = PolicyReader.kebab(root.get("id"));
            ContentFile twin = byId.get(id);
            if (twin != null && twin.override() == file.override()) {
                throw root.get("id").error("is also used by " + twin.name());
            }
            byId.put(id, file);
            roots.put(id, root);
        }
        ProvocationClusterRule cluster = null;
        for (ContentNode root : roots.values()) {
            ProvocationClusterRule rule = RulesReader.provocationCluster(root);
            if (cluster != null) {
                throw root.get("kind").error("a second provocation_cluster rule; keep one");
            }
            cluster = rule;
        }
        if (cluster == null) {
            throw new ContentException(ContentLibrary.ROOT + "/" + DIAGNOSTICS, 0, 0, "", "has no provocation_cluster rule");
        }
        return new DiagnosticRules(cluster);
    }

    public PolicyCatalog policies() {
        return policies;
    }

    public DiagnosticRules diagnostics() {
        return diagnostics;
    }

    public PrognosisRules prognosis() {
        return prognosis;
    }

    public CandidacyEvaluator evaluator() {
        return evaluator;
    }

    /** The file a policy version was read from (built-in name or the path in the site's directory). */
    public Optional<String> fileOf(Policy policy) {
        return Optional.ofNullable(policyFiles.get(policy.id() + "\u0000" + policy.version()));
    }

    /** Every file read, in order. */
    public List<String> files() {
        return files;
    }
}
