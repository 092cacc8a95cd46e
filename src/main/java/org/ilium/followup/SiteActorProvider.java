package org.ilium.followup;

import java.util.Optional;
import java.util.UUID;
import org.ilium.shared.Actor;

/**
 * Who acts for a site when nobody is signed in (a patient's link, a background job). Implemented at the edge
 * ({@code org.ilium.notify.SiteActors}), since capabilities may not use access control.
 */
public interface SiteActorProvider {
    Optional<Actor> forSite(UUID siteId);
}
