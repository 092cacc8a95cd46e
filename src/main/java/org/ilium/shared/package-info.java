/** Small types every module uses (the acting user, problems, pages); depends on no other module. */
package org.ilium.shared;
