package org.ilium.access;

import org.ilium.patient.SiteRepository;
import org.ilium.patient.domain.Site;
import org.ilium.shared.Actor;
import org.ilium.shared.NotFoundException;
import org.springframework.stereotype.Service;

/** Accounts as other modules need them: the actor that commands run as for a site. */
@Service
public class AccountService {
    private final UserRepository users;
    private final SiteRepository sites;

    AccountService(UserRepository users, SiteRepository sites) {
        this.users = users;
        this.sites = sites;
    }

    /**
     * Commands on the server's machine (bench, import, synth) act for a site as its first administrator:
     * whoever can run them can read the data directory anyway, and their records name a real user.
     */
    public Actor commandLineActor(String siteCode) {
        Site site = sites.findByCode(siteCode).orElseThrow(() -> new NotFoundException("Site " + siteCode));
        IliumPrincipal admin = users.firstAdministratorOf(site.id())
                .orElseThrow(() -> new NotFoundException("An administrator of site " + siteCode));
        return admin.actor();
    }
}
