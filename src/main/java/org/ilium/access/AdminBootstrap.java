package org.ilium.access;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.UUID;
import org.ilium.patient.SiteRepository;
import org.ilium.patient.domain.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no user at all) creates the first site and its administrator, before the server
 * accepts requests. Without {@code ILIUM_ADMIN_PASSWORD} a random password is generated and printed
 * once on standard output; it is never logged and never shown again.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final SiteRepository sites;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final String username;
    private final String password;
    private final String siteCode;
    private final String siteName;

    AdminBootstrap(UserRepository users, SiteRepository sites, PasswordEncoder encoder, TransactionTemplate tx,
            @Value("${ilium.admin.user}") String username, @Value("${ilium.admin.password:}") String password,
            @Value("${ilium.site.code}") String siteCode, @Value("${ilium.site.name}") String siteName) {
        this.users = users;
        this.sites = sites;
        this.encoder = encoder;
        this.tx = tx;
        this.username = username;
        this.password = password;
        this.siteCode = siteCode;
        this.siteName = siteName;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (users.count() > 0) {
            return;
        }
        AccountRules.checkUsername(username, "ILIUM_ADMIN_USER");
        AccountRules.checkSiteCode(siteCode, "ILIUM_SITE_CODE");
        boolean generated = password.isEmpty();
        String secret = generated ? generatePassword() : password;
        boolean created = Boolean.TRUE.equals(tx.execute(status -> {
            sites.insert(new Site(UUID.randomUUID(), siteCode, siteName));
            Site site = sites.findByCode(siteCode).orElseThrow();
            return users.insert(UUID.randomUUID(), site.id(), username, encoder.encode(secret),
                    EnumSet.of(Role.SYSTEM_ADMIN, Role.SITE_ADMIN));
        }));
        if (!created) {
            return; // another instance on the same database was first
        }
        log.info("Created site '{}' and its administrator '{}'", siteCode, username);
        if (generated) {
            System.out.println("""

                    ================================================================
                     Ilium first start: administrator of site '%s'
                       user:     %s
                       password: %s
                     This password is shown only now. Store it safely.
                    ================================================================
                    """.formatted(siteCode, username, secret));
            System.out.flush();
        } else if (secret.length() < AccountRules.MIN_PASSWORD) {
            log.warn("ILIUM_ADMIN_PASSWORD is shorter than {} characters; change it soon", AccountRules.MIN_PASSWORD);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
