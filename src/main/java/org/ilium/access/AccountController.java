package org.ilium.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ilium.patient.SiteRepository;
import org.ilium.patient.domain.Site;
import org.ilium.shared.ConflictException;
import org.ilium.shared.CurrentActor;
import org.ilium.shared.FieldError;
import org.ilium.shared.InvalidInputException;
import org.ilium.shared.web.JsonInput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The signed-in user, the users of a site, and new sites. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
class AccountController {
    record Me(String username, SiteView site, List<String> roles) {
    }

    record SiteView(UUID id, String code, String name) {
        static SiteView of(Site s) {
            return new SiteView(s.id(), s.code(), s.name());
        }
    }

    record UserView(UUID id, String username, List<String> roles) {
    }

    private final UserRepository users;
    private final SiteRepository sites;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;

    AccountController(UserRepository users, SiteRepository sites, PasswordEncoder encoder, TransactionTemplate tx,
            ObjectMapper mapper) {
        this.users = users;
        this.sites = sites;
        this.encoder = encoder;
        this.tx = tx;
        this.mapper = mapper;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, their site and roles")
    Me me(@AuthenticationPrincipal IliumPrincipal principal) {
        Site site = sites.findById(principal.siteId()).orElseThrow();
        return new Me(principal.username(), SiteView.of(site), codes(principal.roles()));
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SITE_ADMIN')")
    @Operation(summary = "Create a user in the administrator's own site",
            description = "Body: {\"username\", \"password\" (12 to 128 characters), \"roles\": [\"surgeon\", ...]}")
    ResponseEntity<UserView> createUser(@RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        NewAccount account = readAccount(in);
        Set<Role> roles = readRoles(in);
        in.finish();
        if (roles.contains(Role.SYSTEM_ADMIN)) {
            throw new InvalidInputException("roles", "system_admin can only be given by the first-start setup");
        }
        UUID id = UUID.randomUUID();
        if (!users.insert(id, CurrentActor.require().siteId(), account.username(), encoder.encode(account.password()), roles)) {
            throw usernameTaken("username");
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(new UserView(id, account.username(), codes(roles)));
    }

    @PostMapping(path = "/sites", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Create a site with its first administrator",
            description = "Body: {\"code\", \"name\", \"admin\": {\"username\", \"password\"}}")
    ResponseEntity<SiteView> createSite(@RequestBody byte[] body) {
        JsonInput in = JsonInput.parse(body, mapper);
        String code = in.text("code", true, 32);
        String name = in.text("name", true, 200);
        JsonInput admin = in.object("admin", true);
        if (code != null && !code.matches(Site.CODE_PATTERN)) {
            in.addError("code", "must be 1 to 32 lower-case letters, digits or -");
        }
        NewAccount account = admin == null ? null : readAccount(admin);
        in.finish();
        Site site = new Site(UUID.randomUUID(), code, name);
        NewAccount first = account;
        tx.executeWithoutResult(status -> {
            if (!sites.insert(site)) {
                throw new ConflictException("A site with code " + code + " already exists", List.of(new FieldError("code", "is taken")));
            }
            if (!users.insert(UUID.randomUUID(), site.id(), first.username(), encoder.encode(first.password()), EnumSet.of(Role.SITE_ADMIN))) {
                status.setRollbackOnly();
                throw usernameTaken("admin.username");
            }
        });
        return ResponseEntity.created(URI.create("/api/v1/sites/" + site.id())).body(SiteView.of(site));
    }

    private record NewAccount(String username, String password) {
    }

    private static NewAccount readAccount(JsonInput in) {
        String username = in.text("username", true, 64);
        String password = in.text("password", true, AccountRules.MAX_PASSWORD);
        if (username != null && !username.matches(AccountRules.USERNAME_PATTERN)) {
            in.addError("username", "must be 3 to 64 letters, digits or . _ @ - and start with a letter or digit");
        }
        if (password != null && password.length() < AccountRules.MIN_PASSWORD) {
            in.addError("password", "must be at least " + AccountRules.MIN_PASSWORD + " characters");
        }
        return new NewAccount(username, password);
    }

    private static Set<Role> readRoles(JsonInput in) {
        JsonNode node = in.readOnly("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> bad = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            in.addError("roles", "is required: a non-empty list of " + String.join(", ", Role.codes()));
            return roles;
        }
        for (JsonNode r : node) {
            Role.fromCode(r.isString() ? r.stringValue() : "").ifPresentOrElse(roles::add, () -> bad.add(r.toString()));
        }
        if (!bad.isEmpty()) {
            in.addError("roles", "has unknown roles " + bad + "; use " + String.join(", ", Role.codes()));
        }
        return roles;
    }

    private static ConflictException usernameTaken(String field) {
        return new ConflictException("That user name is taken", List.of(new FieldError(field, "is taken")));
    }

    private static List<String> codes(Set<Role> roles) {
        return roles.stream().map(Role::code).toList();
    }
}
