/** The SI joint work-up of an episode: storage with every version kept, use cases, REST API and case loading. */
package org.ilium.workup;
