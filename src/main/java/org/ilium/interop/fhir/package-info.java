/**
 * FHIR R4 at the edge: one {@link ca.uhn.fhir.context.FhirContext}, one mapper per resource from Ilium's domain
 * to HAPI's R4 model, and a read-only REST facade under {@code /fhir}. Nothing outside this package sees HAPI types.
 */
package org.ilium.interop.fhir;
