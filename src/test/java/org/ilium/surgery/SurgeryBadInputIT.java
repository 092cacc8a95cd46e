package org.ilium.surgery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.surgery.Surgeries.bursitis;
import static org.ilium.surgery.Surgeries.byId;
import static org.ilium.surgery.Surgeries.episode;
import static org.ilium.surgery.Surgeries.misLateral;
import static org.ilium.surgery.Surgeries.set;
import static org.ilium.surgery.Surgeries.unset;
import static org.ilium.testing.IliumInstance.toJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.ilium.shared.Actor;
import org.ilium.shared.CurrentActor;
import org.ilium.testing.IliumInstance;
import org.ilium.testing.IliumInstance.Client;
import org.ilium.testing.IliumInstance.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad surgery requests: each is answered 400 naming the bad fields (never 500) and leaves
 * the database as it was, as a new record and as a correction.
 */
class SurgeryBadInputIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client admin;
    static Actor adminActor;
    static String episode;
    static String procedure;
    static String complication;

    @BeforeAll
    static void start() {
        ilium = IliumInstance.start(dataDir);
        admin = ilium.admin();
        episode = byId(episode(admin, "B-1", "in_workup", "decided:true"));
        Response p = admin.post(episode + "/procedures", toJson(misLateral()));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        procedure = p.header("Location");
        Response c = admin.post(episode + "/complications", toJson(bursitis()));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        complication = c.header("Location");
        UUID site = UUID.fromString(admin.get("/api/v1/me").json().path("site").path("id").stringValue());
        adminActor = new Actor(UUID.randomUUID(), IliumInstance.ADMIN, site);
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    record Case(String name, boolean isProcedure, Object body, List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case proc(String name, Object body, String... fields) {
        return new Case(name, true, body, List.of(fields));
    }

    private static Case comp(String name, Object body, String... fields) {
        return new Case(name, false, body, List.of(fields));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> implant(Map<String, Object> p, String field, Object value) {
        Map<String, Object> implant = new LinkedHashMap<>(((List<Map<String, Object>>) p.get("implants")).get(0));
        implant.put(field, value);
        return set(p, "implants", List.of(implant));
    }

    static Stream<Arguments> corpus() {
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1).toString();
        Map<String, Object> p = misLateral();
        Map<String, Object> c = bursitis();
        return Stream.of(
                proc("27279 without a transfixing implant", implant(p, "transfixing", false), "cpt"),
                proc("27279 for an open fusion", set(set(p, "approach", "open"), "steps", List.of("incision")), "cpt"),
                proc("27278 for a transfixing device", set(p, "cpt", "27278"), "cpt"),
                proc("0775T after 2023", set(set(set(implant(p, "transfixing", false), "cpt", "0775T"), "approach",
                        "mis_posterior_intra_articular"), "steps", List.of()), "cpt"),
                proc("CPT not of SI joint fusion", set(p, "cpt", "99213"), "cpt"),
                proc("CPT malformed", set(p, "cpt", "2727"), "cpt"),
                proc("date in the future", set(p, "date", tomorrow), "date"),
                proc("negative operative minutes", set(p, "operativeMinutes", -5), "operativeMinutes"),
                proc("negative blood loss", set(p, "bloodLossMl", -1), "bloodLossMl"),
                proc("length of stay as text", set(p, "lengthOfStayDays", "one"), "lengthOfStayDays"),
                proc("unknown side", set(p, "side", "both"), "side"),
                proc("unknown approach", set(p, "approach", "anterior"), "approach"),
                proc("unknown anaesthesia", set(p, "anaesthesia", "spinal"), "anaesthesia"),
                proc("unknown site of service", set(p, "siteOfService", "office"), "siteOfService"),
                proc("step not of the approach", set(p, "steps", List.of("positioning", "bone_block_removal")), "steps[1]"),
                proc("implant count zero", implant(p, "count", 0), "implants[0].count"),
                proc("implant UDI not GS1 or HIBCC", implant(p, "udi", "not-a-udi"), "implants[0].udi"),
                proc("implant without manufacturer", implant(p, "manufacturer", null), "implants[0].manufacturer"),
                proc("implants not a list", set(p, "implants", "three"), "implants"),
                proc("revision without a reason", set(p, "revision", true), "revisionReason"),
                proc("revision reason on an index procedure", set(p, "revisionReason", "malposition"), "revisionReason"),
                proc("complication that does not exist", set(set(set(p, "revision", true), "revisionReason", "malposition"),
                        "complicationId", UUID.randomUUID().toString()), "complicationId"),
                proc("no surgeon and no date", unset(unset(p, "surgeon"), "date"), "surgeon", "date"),
                proc("unknown field", set(p, "robot", true), "robot"),
                proc("malformed JSON", "{\"date\": ", "body"),
                comp("grade not in the list", set(c, "grade", "III"), "grade"),
                comp("grade in lower case", set(c, "grade", "iiia"), "grade"),
                comp("unknown catalogue code", set(c, "code", "headache"), "code"),
                comp("onset in the future", set(c, "onsetDate", tomorrow), "onsetDate"),
                comp("reported by someone else", set(c, "reportedBy", "nurse"), "reportedBy"),
                comp("relation unknown", set(c, "deviceRelation", "maybe"), "deviceRelation"),
                comp("serious as text", set(c, "serious", "no"), "serious"),
                comp("resolved without a date", set(c, "resolution", "resolved"), "resolutionDate"),
                comp("ongoing with a resolution date", set(c, "resolutionDate", c.get("onsetDate")), "resolutionDate"),
                comp("resolution in the future", set(set(c, "resolution", "resolved"), "resolutionDate", tomorrow), "resolutionDate"),
                comp("death not grade V", set(set(c, "resolution", "fatal"), "resolutionDate", c.get("onsetDate")), "grade"),
                comp("unknown field", set(c, "icd10", "M70.6"), "icd10"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithTheFieldNamedAndNothingStored(Case c) {
        String before = snapshot();
        Response res = send("POST", episode + (c.isProcedure() ? "/procedures" : "/complications"), c.body(), null);
        assertRefused(res, c.fields());
        assertThat(snapshot()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "PUT: {0}")
    @MethodSource("corpus")
    void isRefusedAsACorrection(Case c) {
        String before = snapshot();
        Response res = send("PUT", c.isProcedure() ? procedure : complication, c.body(), "\"1\"");
        assertRefused(res, c.fields());
        assertThat(snapshot()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aProcedureBeforeTheDecisionIsAConflictAndStoresNothing() {
        String undecided = byId(episode(admin, "B-2", "in_workup"));
        String before = snapshot();
        Response res = admin.post(undecided + "/procedures", toJson(misLateral()));
        assertThat(res.status()).isEqualTo(409);
        assertThat(res.header("Content-Type")).startsWith("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void badCostEstimateParametersAreNamed() {
        assertThat(admin.get(episode + "/cost-estimate").errorFields()).containsExactly("siteOfService");
        assertThat(admin.get(episode + "/cost-estimate?siteOfService=inpatient&cpt=27279").errorFields()).containsExactly("cpt");
        assertThat(admin.get(episode + "/cost-estimate?siteOfService=inpatient&cpt=abc").errorFields()).containsExactly("cpt");
        assertThat(admin.get(episode + "/cost-estimate?siteOfService=hospital_outpatient&payer=acme").errorFields())
                .containsExactly("payer");
        assertThat(admin.get(episode + "/cost-estimate?siteOfService=hospital_outpatient&deductibleMetCents=-1").errorFields())
                .containsExactly("deductibleMetCents");
    }

    private static Response send(String method, String path, Object body, String ifMatch) {
        byte[] bytes = (body instanceof String text ? text : toJson(body)).getBytes(StandardCharsets.UTF_8);
        return ifMatch == null ? admin.sendBytes(method, path, bytes, "application/json")
                : admin.sendBytes(method, path, bytes, "application/json", "If-Match", ifMatch);
    }

    private static void assertRefused(Response res, List<String> fields) {
        assertThat(res.status()).as(res.body()).isEqualTo(400);
        assertThat(res.header("Content-Type")).startsWith("application/problem+json");
        assertThat(res.json().path("detail").stringValue()).endsWith("Nothing was stored.");
        assertThat(res.errorFields()).containsExactlyInAnyOrderElementsOf(fields);
    }

    private static String snapshot() {
        StringBuilder out = new StringBuilder(admin.get(episode + "/procedures").body());
        out.append(admin.get(episode + "/complications").body());
        return out.append(CurrentActor.callAs(adminActor, SurgeryBadInputIT::rowCounts)).toString();
    }

    private static String rowCounts() {
        DataSource dataSource = ilium.context().getBean(DataSource.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select count(*) from surgical_procedure), (select count(*) from complication_event), "
                        + "(select count(*) from episode_transition), (select sum(version) from surgical_procedure), "
                        + "(select sum(version) from complication_event)")) {
            rs.next();
            return " procedures=" + rs.getLong(1) + " complications=" + rs.getLong(2) + " transitions=" + rs.getLong(3)
                    + " pv=" + rs.getLong(4) + " cv=" + rs.getLong(5);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
