/**
 * Reminder e-mail at the edge: the outbox (one row per reminder, site-scoped), the planner that fills it
 * for due follow-up timepoints, the SMTP sender with retries, and actors for background work per site.
 * An edge package: it may use any module, and no capability depends on it.
 */
package org.ilium.notify;
