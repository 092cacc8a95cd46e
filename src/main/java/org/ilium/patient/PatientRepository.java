package org.ilium.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ilium.patient.domain.Patient;
import org.ilium.patient.domain.PatientDetails;
import org.ilium.patient.domain.Sex;
import org.ilium.shared.ConflictException;
import org.ilium.shared.FieldError;
import org.ilium.shared.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Patients of the caller's site. No query here names a site: row-level security limits every statement
 * to the site of the connection (see org.ilium.database.SiteScopedDataSource), and the site column
 * takes its value from there on insert.
 */
@Repository
class PatientRepository {
    private static final String COLUMNS = "id, mrn, given_name, family_name, birth_date, sex, email, phone, version";

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Patient p) {
        PatientDetails d = p.details();
        try {
            jdbc.sql("insert into patient (id, mrn, given_name, family_name, birth_date, sex, email, phone, version) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(p.id(), d.mrn(), d.givenName(), d.familyName(), d.birthDate(), d.sex().code(), d.email(),
                            d.phone(), p.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw mrnTaken();
        }
    }

    Optional<Patient> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from patient where id = ?").param(id).query(PatientRepository::map).optional();
    }

    /** Reads and locks the row until the transaction ends, so a concurrent update waits and then sees the new version. */
    Optional<Patient> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from patient where id = ? for update").param(id)
                .query(PatientRepository::map).optional();
    }

    void update(Patient p) {
        PatientDetails d = p.details();
        try {
            jdbc.sql("update patient set mrn = ?, given_name = ?, family_name = ?, birth_date = ?, sex = ?, email = ?, "
                            + "phone = ?, version = ?, updated_at = now() where id = ?")
                    .params(d.mrn(), d.givenName(), d.familyName(), d.birthDate(), d.sex().code(), d.email(), d.phone(),
                            p.version(), p.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw mrnTaken();
        }
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from patient where id = ?)").param(id).query(Boolean.class).single();
    }

    Page<Patient> search(PatientSearch search, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (search.mrn() != null) {
            where.add("mrn = ?");
            params.add(search.mrn());
        }
        if (search.birthDate() != null) {
            where.add("birth_date = ?");
            params.add(search.birthDate());
        }
        if (search.name() != null) {
            // every word must start the given or the family name, or a part of it after a space or hyphen
            for (String word : search.name().toLowerCase().split("[\\s,]+")) {
                if (!word.isEmpty()) {
                    where.add("(lower(given_name) ~ ? or lower(family_name) ~ ?)");
                    String regex = "(^|[\\s-])" + word.replaceAll("[\\\\.^$|?*+()\\[\\]{}]", "\\\\$0");
                    params.add(regex);
                    params.add(regex);
                }
            }
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from patient" + filter).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Patient> items = jdbc.sql("select " + COLUMNS + " from patient" + filter
                        + " order by lower(family_name), lower(given_name), birth_date, id limit ? offset ?")
                .params(pageParams).query(PatientRepository::map).list();
        return new Page<>(items, page, size, total);
    }

    private static ConflictException mrnTaken() {
        return new ConflictException("Another patient of this site has that MRN",
                List.of(new FieldError("mrn", "is already used by another patient of this site")));
    }

    private static Patient map(ResultSet rs, int n) throws SQLException {
        return new Patient(rs.getObject("id", UUID.class), new PatientDetails(rs.getString("mrn"), rs.getString("given_name"),
                rs.getString("family_name"), rs.getObject("birth_date", LocalDate.class),
                Sex.fromCode(rs.getString("sex")).orElseThrow(), rs.getString("email"), rs.getString("phone")),
                rs.getInt("version"));
    }
}
