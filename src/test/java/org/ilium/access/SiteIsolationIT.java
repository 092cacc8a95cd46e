package org.ilium.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ilium.testing.IliumInstance.toJson;
import static org.ilium.testing.Patients.margaret;
import static org.ilium.testing.Patients.with;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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

/** Two sites on one Ilium: neither sees, changes or even learns of the other's patients. */
class SiteIsolationIT {
    @TempDir
    static Path dataDir;
    static IliumInstance ilium;
    static Client main;
    static Client north;
    static String mainPatient;
    static String northPatient;

    @BeforeAll
    static void twoSites() {
        ilium = IliumInstance.start(dataDir);
        main = ilium.admin();
        north = ilium.secondSite("north", "North Spine Clinic");
        mainPatient = main.post("/api/v1/patients", toJson(with(margaret(), "mrn", "SHARED-1"))).header("Location");
        Response created = north.post("/api/v1/patients", toJson(with(with(margaret(), "mrn", "SHARED-1"), "givenName", "Nora")));
        assertThat(created.status()).as("the same MRN may exist at another site").isEqualTo(201);
        northPatient = created.header("Location");
        assertThat(north.post(northPatient + "/episodes", "{\"side\":\"left\",\"reason\":\"referral\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        ilium.close();
    }

    @Test
    void anotherSitesPatientIsNotFound() {
        assertThat(main.get(northPatient).status()).isEqualTo(404);
        assertThat(main.put(northPatient, toJson(with(margaret(), "mrn", "X-1")), "\"1\"").status()).isEqualTo(404);
        assertThat(main.put(northPatient, toJson(with(margaret(), "mrn", "X-1")), "*").status()).isEqualTo(404);
        assertThat(main.get(northPatient + "/episodes").status()).isEqualTo(404);
        assertThat(main.post(northPatient + "/episodes", "{\"side\":\"left\",\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(north.get(mainPatient).status()).isEqualTo(404);
        assertThat(north.get(northPatient).json().path("givenName").stringValue()).isEqualTo("Nora");
        assertThat(main.get(mainPatient).json().path("givenName").stringValue()).isEqualTo("Margaret");
    }

    @Test
    void listsAndSearchesShowOnlyTheOwnSite() {
        Response mainList = main.get("/api/v1/patients?mrn=SHARED-1");
        assertThat(mainList.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(mainList.json().path("items").get(0).path("givenName").stringValue()).isEqualTo("Margaret");
        assertThat(north.get("/api/v1/patients?name=nora").json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(main.get("/api/v1/patients?name=nora").json().path("totalItems").asLong()).isZero();
    }

    @Test
    void onlyTheSystemAdministratorCreatesSites() {
        Response refused = north.post("/api/v1/sites",
                "{\"code\":\"south\",\"name\":\"South\",\"admin\":{\"username\":\"south-admin\",\"password\":\"south-password-1\"}}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        Response duplicate = main.post("/api/v1/sites",
                "{\"code\":\"north\",\"name\":\"Again\",\"admin\":{\"username\":\"other-admin\",\"password\":\"other-password-1\"}}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorFields()).containsExactly("code");
        assertThat(ilium.as("other-admin", "other-password-1").get("/api/v1/me").status()).as("nothing half-written").isEqualTo(401);
    }

    @Test
    void aSiteAdministratorAddsUsersToTheOwnSite() {
        Response user = north.post("/api/v1/users", "{\"username\":\"dr.north\",\"password\":\"surgeon-password-1\",\"roles\":[\"surgeon\"]}");
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        Client surgeon = ilium.as("dr.north", "surgeon-password-1");
        assertThat(surgeon.get("/api/v1/me").json().path("site").path("code").stringValue()).isEqualTo("north");
        assertThat(surgeon.get(northPatient).status()).isEqualTo(200);
        assertThat(surgeon.get(mainPatient).status()).isEqualTo(404);
        assertThat(surgeon.post("/api/v1/users", "{\"username\":\"x.y\",\"password\":\"some-password-1\",\"roles\":[\"surgeon\"]}")
                .status()).isEqualTo(403);
        Response weak = north.post("/api/v1/users", "{\"username\":\"dr.weak\",\"password\":\"short\",\"roles\":[\"boss\"]}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorFields()).containsExactlyInAnyOrder("password", "roles");
    }

    /** The isolation lives in the database: even code that forgets the site cannot read another site's rows. */
    @Test
    void theDatabaseItselfHidesOtherSitesRows() throws Exception {
        DataSource dataSource = ilium.context().getBean(DataSource.class);
        assertThat(countPatients(dataSource)).as("no actor, no rows").isZero();
        String mainSite = main.get("/api/v1/me").json().path("site").path("id").stringValue();
        Actor mainActor = new Actor(java.util.UUID.randomUUID(), "probe", java.util.UUID.fromString(mainSite));
        long seen = CurrentActor.callAs(mainActor, () -> {
            try {
                return countPatients(dataSource);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen).isEqualTo(1);
    }

    private static long countPatients(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from patient")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
