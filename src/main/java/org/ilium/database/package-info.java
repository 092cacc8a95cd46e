/** Which PostgreSQL Ilium uses (embedded or the clinic's), and the site-scoped connection pool on it. */
package org.ilium.database;
