package org.ilium.notify;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ilium.access.AccountService;
import org.ilium.followup.SiteActorProvider;
import org.ilium.shared.Actor;
import org.ilium.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Actors for work nobody signed in for: background jobs and patients opening a link. Row-level security
 * shows nothing without an actor, so such work runs per site as that site's first administrator
 * ({@link AccountService#commandLineActor}), which is also who it is recorded as.
 */
@Service
public class SiteActors implements SiteActorProvider {
    private final AccountService accounts;
    private final NotifyRepository repository;

    SiteActors(AccountService accounts, NotifyRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
    }

    /** Every site's actor; a site without an administrator is left out. */
    public List<Actor> all() {
        return repository.siteCodes().stream().map(this::forCode).flatMap(Optional::stream).toList();
    }

    /** The actor for the site of a patient link ({@code LinkTarget.siteId()}); empty for an unknown site or one without administrator. */
    @Override
    public Optional<Actor> forSite(UUID siteId) {
        return repository.siteCode(siteId).flatMap(this::forCode);
    }

    private Optional<Actor> forCode(String code) {
        try {
            return Optional.of(accounts.commandLineActor(code));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
