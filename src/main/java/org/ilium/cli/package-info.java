/** The {@code ilium} command line: one picocli entry whose default command serves the application. */
package org.ilium.cli;
