/**
 * Clinical content files (policies, instruments, protocols, fees, benchmarks): YAML read safely with
 * positions, so that a bad file is reported by file, line, column, field and reason. Depends on no
 * Ilium capability.
 */
package org.ilium.shared.content;
