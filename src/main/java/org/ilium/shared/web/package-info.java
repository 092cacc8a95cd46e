/** The HTTP boundary: strict JSON input, ETags, problem+json errors and request size limits. */
package org.ilium.shared.web;
