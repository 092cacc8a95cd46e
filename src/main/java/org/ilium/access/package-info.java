/** Users, roles and authentication; makes each request's user the actor that scopes data to a site. */
package org.ilium.access;
