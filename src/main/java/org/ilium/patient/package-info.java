/** Sites, patients and their episodes of care: storage, use cases and REST API. */
package org.ilium.patient;
