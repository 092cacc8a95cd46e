/**
 * The candidacy model in plain Java: policies as lists of small criterion objects, each answering MET,
 * NOT_MET or UNKNOWN with evidence and a citation, and the evaluator that turns them into determinations.
 */
package org.ilium.candidacy.domain;
